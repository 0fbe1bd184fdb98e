import type { OutgoingMail } from './mail.service.js';

const signature = '\n\nVenlig hilsen\nInfraforum – fællesskabet om den fælleskommunale infrastruktur';

export function verificationMail(to: string, name: string, link: string, needsApproval: boolean): OutgoingMail {
  const approval = needsApproval
    ? '\n\nDin e-mailadresse hører ikke til kommunens domæne, så en administrator i din kommune skal også godkende kontoen. Du får besked, når det er sket.'
    : '';
  return {
    to,
    subject: 'Bekræft din e-mailadresse til Infraforum',
    text: `Hej ${name}\n\nTak fordi du har oprettet en konto på Infraforum. Bekræft din e-mailadresse ved at åbne dette link:\n\n${link}\n\nLinket virker i 24 timer. Har du ikke oprettet en konto, kan du se bort fra denne mail.${approval}${signature}`,
  };
}

export function passwordResetMail(to: string, name: string, link: string): OutgoingMail {
  return {
    to,
    subject: 'Nulstil din adgangskode til Infraforum',
    text: `Hej ${name}\n\nVi har fået en anmodning om at nulstille adgangskoden til din konto. Vælg en ny adgangskode her:\n\n${link}\n\nLinket virker i 1 time og kan kun bruges én gang. Har du ikke bedt om det, kan du se bort fra denne mail – din adgangskode er uændret.${signature}`,
  };
}

export function approvalRequestMail(
  to: string,
  applicant: { name: string; email: string },
  organizationName: string,
  link: string,
): OutgoingMail {
  return {
    to,
    subject: `Ny bruger i ${organizationName} venter på godkendelse`,
    text: `Hej\n\n${applicant.name} (${applicant.email}) har oprettet en konto i ${organizationName} med en e-mailadresse uden for kommunens domæne. Godkend eller afvis kontoen her:\n\n${link}${signature}`,
  };
}

export function accountApprovedMail(to: string, name: string, link: string): OutgoingMail {
  return {
    to,
    subject: 'Din konto på Infraforum er godkendt',
    text: `Hej ${name}\n\nDin konto er nu godkendt. Du kan logge ind her:\n\n${link}${signature}`,
  };
}
