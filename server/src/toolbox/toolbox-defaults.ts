/** The sections Værktøjskassen starts with, in order; seeded once into an empty table (moderators edit them after). */
export const DEFAULT_TOOLBOX_SECTIONS: readonly { title: string; intro: string }[] = [
  {
    title: 'Strategisk og ledelsesmæssig forankring',
    intro:
      'Den fælleskommunale infrastruktur skaber mest værdi, når den er forankret i kommunens strategi og hos ledelsen. ' +
      'Her finder du materiale, der hjælper dig med at sætte infrastrukturen på **ledelsens dagsorden** og koble den til ' +
      'kommunens digitaliseringsstrategi. Brug det som afsæt, når I skal beslutte, hvem der har ansvaret, og hvordan I følger op.',
  },
  {
    title: 'Krav, it-indkøb og leverandørstyring',
    intro:
      'Når kommunen køber eller udvikler it-systemer, skal de kunne bruge den fælleskommunale infrastruktur. ' +
      'Her finder du skabeloner til kravspecifikationer, tjeklister til it-indkøb og gode råd om at styre leverandørerne, ' +
      'så de faktisk tager infrastrukturen i brug. Materialet hjælper dig med at stille de rigtige krav – fra udbuddet til driften.',
  },
  {
    title: 'Få overblik og indblik i infrastrukturen',
    intro:
      'Infrastrukturen består af en række komponenter, der arbejder sammen på tværs af kommunens fagsystemer. ' +
      'Her finder du introduktioner og oversigter, der giver dig overblik over komponenterne og indblik i, hvordan de hænger sammen. ' +
      'Vil du vide mere om den enkelte komponent, så se [kataloget over infrastrukturen](/komponenter).',
  },
  {
    title: 'Kommunens hverdag med infrastrukturen',
    intro: 'På denne side finder du information, materiale og værktøjer, der understøtter din kommunes hverdag med infrastrukturen.',
  },
  {
    title: 'Sådan formidler du infrastrukturen til andre',
    intro:
      'Infrastrukturen er teknisk, men dens betydning for borgere og medarbejdere er det ikke. ' +
      'Her finder du præsentationer, formuleringer og eksempler, du kan bruge, når du skal forklare infrastrukturen for ledelsen, ' +
      'kolleger i fagområderne og leverandører. Tilpas gerne materialet til din egen kommune.',
  },
  {
    title: 'Få merværdi af infrastrukturen',
    intro:
      'Infrastrukturen kan mere end at sikre, at data og dokumenter kommer sikkert frem. ' +
      'Her finder du eksempler på, hvordan kommuner bruger infrastrukturen til bedre data, færre manuelle arbejdsgange og nye digitale løsninger. ' +
      'Lad dig inspirere af de andre kommuners erfaringer.',
  },
  {
    title: 'Webinarrækken Infrastruktur i praksis',
    intro:
      'I regi af Værktøjskassen til Infrastrukturen afvikles webinarer under overskriften "Infrastruktur i praksis". ' +
      'Webinarerne sætter fokus på kommunens udfordringer og deres løsninger i arbejdet med den fælleskommunale infrastruktur. ' +
      'Det er de involverede kommuner, der står for programmet og oplæg, og KOMBIT har en mindre rolle som medarrangør.',
  },
  {
    title: 'Infrastrukturrelaterede roller',
    intro:
      'Arbejdet med infrastrukturen kræver, at nogen i kommunen har ansvaret for opgaverne. ' +
      'Her finder du beskrivelser af de roller, der typisk indgår – fx infrastrukturansvarlig, systemejer og brugeradministrator – ' +
      'og hvad de hver især tager sig af. Brug beskrivelserne, når I fordeler opgaverne i jeres egen organisation.',
  },
];
