import { createRequire } from 'node:module';
import path from 'node:path';
import adapter from '@sveltejs/adapter-node';

// dkfds exports only its JS entry, so its CSS, fonts and icons are reached through an alias to its dist folder.
const dkfdsDist = path.resolve(path.dirname(createRequire(import.meta.url).resolve('dkfds')), '..');

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build' }),
    alias: { $dkfds: dkfdsDist },
    // Helmet's CSP covers only /api; pages get theirs from SvelteKit, which hashes its inline bootstrap script.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // SvelteKit's route announcer (the live region that reads the new page title after client-side navigation)
        // carries this one inline style attribute; app.css hides it too, should a SvelteKit upgrade change the hash.
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self', 'data:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
  },
};

export default config;
