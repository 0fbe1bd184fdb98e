export const TEMPLATE_DATABASE = 'infraforum_template';
