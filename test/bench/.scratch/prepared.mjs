import pg from 'pg';
const original = pg.Client.prototype.query;
const names = new Map();
pg.Client.prototype.query = function (config, values, callback) {
  if (typeof config === 'string' && Array.isArray(values) && /^\s*SELECT/i.test(config)) {
    let name = names.get(config);
    if (!name) { name = `p${names.size}`; names.set(config, name); }
    return original.call(this, { name, text: config, values }, callback);
  }
  return original.call(this, config, values, callback);
};
