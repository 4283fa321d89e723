// JavaScript twins of strom/search/normalisation.py and strom/search/latvian.py (same names in camelCase).
// Every function must return exactly what its Python twin returns: tests/search/test_agreement.py runs
// both over word lists. The tables (letters to fold, Latvian endings) come from the Python modules as
// JSON arguments, so there is one copy of them.

var stromFold = function (word, folding) {
  let result = "";
  for (const letter of word) result += Object.prototype.hasOwnProperty.call(folding, letter) ? folding[letter] : letter;
  return result;
};

var stromPolishMobileE = function (stem) {
  const vowels = "aeiouy";
  const n = stem.length;
  if (n >= 5 && "klc".includes(stem[n - 1]) && stem[n - 2] === "e") {
    if (stem[n - 3] === "i" && !vowels.includes(stem[n - 4])) return stem.slice(0, n - 3) + stem[n - 1];
    if (!vowels.includes(stem[n - 3])) return stem.slice(0, n - 2) + stem[n - 1];
  }
  return stem;
};

var stromNorwegianSyncope = function (stem) {
  const vowels = "aeiouyæøå";
  if (stem.length >= 5 && stem.endsWith("ern")) stem = stem.slice(0, -3);
  let n = stem.length;
  if (n >= 5 && "lnr".includes(stem[n - 1]) && stem[n - 2] === "e" && !vowels.includes(stem[n - 3])) {
    stem = stem.slice(0, n - 2) + stem[n - 1];
  }
  n = stem.length;
  if (n >= 3 && stem[n - 1] === "r" && !vowels.includes(stem[n - 2])) stem = stem.slice(0, n - 1);
  let undoubled = stem.slice(0, 1);
  for (const letter of stem.slice(1)) {
    if (letter !== undoubled[undoubled.length - 1] || vowels.includes(letter)) undoubled += letter;
  }
  return undoubled;
};

var stromEstonianStemVowels = function (stem) {
  const vowels = "aeiouõäöü";
  const region1 = (s) => {
    let position = 0;
    while (position < s.length && !vowels.includes(s[position])) position += 1;
    while (position < s.length && vowels.includes(s[position])) position += 1;
    return Math.min(position + 1, s.length);
  };
  if (stem.length >= 5 && ["use", "ise", "usi", "isi"].includes(stem.slice(-3))) stem = stem.slice(0, -2);
  else if (stem.length >= 4 && ["us", "is"].includes(stem.slice(-2))) stem = stem.slice(0, -1);
  if (["du", "tu", "nu"].includes(stem.slice(-2)) && stem.length - 2 >= region1(stem)) stem = stem.slice(0, -2);
  let n = stem.length;
  if (n >= 4 && "ei".includes(stem[n - 1]) && !vowels.includes(stem[n - 2])) stem = stem.slice(0, -1);
  n = stem.length;
  if (n >= 4 && "lnr".includes(stem[n - 1]) && stem[n - 2] === "e" && !vowels.includes(stem[n - 3])) {
    stem = stem.slice(0, n - 2) + stem[n - 1];
  }
  return stem;
};

// latvian: {folding: {...}, endings: [[ending, shortest], ...] longest first, vowels: "aeiou"}
var stromLatvianStem = function (word, latvian) {
  const vowels = latvian.vowels;
  const isStem = (s, shortest) => s.length >= shortest && [...s].some((letter) => vowels.includes(letter));
  let result = stromFold(word.toLowerCase(), latvian.folding);
  for (const [ending, shortest] of latvian.endings) {
    if (result.endsWith(ending) && isStem(result.slice(0, result.length - ending.length), shortest)) {
      result = result.slice(0, result.length - ending.length);
      break;
    }
  }
  while (
    result.length >= 4 &&
    result[result.length - 1] === "j" &&
    vowels.includes(result[result.length - 2]) &&
    isStem(result.slice(0, -2), 2)
  ) {
    result = result.slice(0, -2);
  }
  if (result.length >= 3 && result[result.length - 1] === "j" && "bpmv".includes(result[result.length - 2])) {
    result = result.slice(0, -1);
  }
  if (result.endsWith("niec")) result = result.slice(0, -1) + "k";
  if (result.length >= 3 && result[result.length - 1] === "t") result = result.slice(0, -1) + "s";
  else if (result.length >= 3 && result[result.length - 1] === "d") result = result.slice(0, -1) + "z";
  return result;
};
