// A stand-in script: its strings come from translations.js at run time.
const copyLabel = () => Documentation.gettext("Copy the link to this section");
