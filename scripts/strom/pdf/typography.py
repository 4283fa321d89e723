"""Typography of the PDF: the bundled fonts, their ``@font-face`` rules, and hyphenation in every language.

The renderer needs three things from here: :func:`font_face_css` (fonts loaded from the package, never from the
system), :func:`register_hyphenation` (teaches Pyphen, and so WeasyPrint, Finnish and corrected Latvian) and
:func:`hyphenation_language` (the ``lang`` value that makes WeasyPrint pick the registry's dictionary).

The vendored files are made, reproducibly, by the commands of :func:`main`::

    python -m strom.pdf.typography fonts <folder with Debian fonts-noto-core's TTF files>
    python -m strom.pdf.typography hyphenation <hyph-utf8's hyph-fi.tex>
    python -m strom.pdf.typography latvian [<hyph_lv_LV.dic>, default: Pyphen's own]

``fonts/README.md`` and ``hyphenation/README.md`` say where those inputs come from.
"""

from __future__ import annotations

import argparse
import io
import itertools
import re
import sys
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyphen
import yaml

from strom import paths
from strom.files import write_atomically

if TYPE_CHECKING:
    from collections.abc import Sequence

    from strom.registry import Language

HERE = Path(__file__).resolve().parent
FONTS = HERE / "fonts"
HYPHENATION = HERE / "hyphenation"
FINNISH_DICTIONARY = HYPHENATION / "hyph_fi_FI.dic"
LATVIAN_DICTIONARY = HYPHENATION / "hyph_lv_LV.dic"

#: The CSS family names the stylesheet uses (the text faces keep their upstream Noto names inside the files).
SERIF = "Strom Serif"
SANS = "Strom Sans"
SYMBOLS = "Strom Symbols"

#: ``font-family`` values for the stylesheet: the text face, then the symbols face for ballot boxes, check marks,
#: arrows, the minus sign and other operators (Noto Serif and Noto Sans lack them), so Pango never falls back to a
#: system font.
SERIF_STACK = f'"{SERIF}", "{SYMBOLS}"'
SANS_STACK = f'"{SANS}", "{SYMBOLS}"'

#: What the text faces keep: Basic Latin, Latin-1, Latin Extended-A and -B, spacing modifiers, combining marks (for
#: text in decomposed form), Cyrillic, Latin Extended Additional (Vietnamese names), General Punctuation, currency
#: signs, letterlike symbols (№ ™), number forms (½ ⅓), and the Latin ligature characters.
TEXT_UNICODES = (
    "U+0020-007E,U+00A0-024F,U+02B0-02FF,U+0300-036F,U+0400-04FF,U+1E00-1EFF,"
    "U+2000-206F,U+20A0-20CF,U+2100-215F,U+FB00-FB04"
)


@dataclass(frozen=True)
class Source:
    """An upstream font file and the characters taken from it."""

    filename: str
    unicodes: str


@dataclass(frozen=True)
class Face:
    """One bundled font file and the ``@font-face`` descriptors it is loaded under."""

    family: str
    filename: str
    weight: int
    style: Literal["normal", "italic"]
    sources: tuple[Source, ...]
    #: Set only on a face merged from several sources: its new name (family, PostScript family), since it is
    #: no longer any one upstream font.
    rename: tuple[str, str] | None = None

    @property
    def path(self) -> Path:
        """The font file inside the package."""
        return FONTS / self.filename


def _text_faces(family: str, upstream: str) -> tuple[Face, ...]:
    """The four faces (regular, bold, italic, bold italic) of one Noto text family."""
    styles: tuple[tuple[str, int, Literal["normal", "italic"]], ...] = (
        ("Regular", 400, "normal"),
        ("Bold", 700, "normal"),
        ("Italic", 400, "italic"),
        ("BoldItalic", 700, "italic"),
    )
    return tuple(
        Face(family, f"{upstream}-{suffix}.ttf", weight, style, (Source(f"{upstream}-{suffix}.ttf", TEXT_UNICODES),))
        for suffix, weight, style in styles
    )


FACES: tuple[Face, ...] = (
    *_text_faces(SERIF, "NotoSerif"),
    *_text_faces(SANS, "NotoSans"),
    Face(
        SYMBOLS,
        "StromSymbols-Regular.ttf",
        400,
        "normal",
        (
            # Ballot boxes and check marks for printed checklists, geometric shapes (□ ■ ○ ●); and the spaces,
            # since Pango sets a space between two symbols in the symbols face (else: a .notdef warning).
            Source("NotoSansSymbols2-Regular.ttf", "U+0020,U+00A0,U+25A0-25FF,U+2610-2612,U+2713-2718"),
            # Arrows and mathematical operators (the minus sign U+2212, less-or-equal U+2264...).
            Source("NotoSansMath-Regular.ttf", "U+2190-21FF,U+2200-22FF"),
        ),
        rename=("Strom Symbols", "StromSymbols"),
    ),
)


class TypographyError(Exception):
    """A bundled file is missing or a registry entry names a dictionary Pyphen does not have."""


def font_face_css() -> str:
    """Return ``@font-face`` rules that load every bundled face from the package by absolute ``file://`` URL."""
    rules = []
    for face in FACES:
        if not face.path.is_file():
            raise TypographyError(
                f"{face.path}: bundled font missing; restore it from version control "
                f"(it is made by `python -m strom.pdf.typography fonts`, see {FONTS / 'README.md'})"
            )
        rules.append(
            "@font-face {\n"
            f'  font-family: "{face.family}";\n'
            f'  src: url("{face.path.as_uri()}") format("truetype");\n'
            f"  font-weight: {face.weight};\n"
            f"  font-style: {face.style};\n"
            "}\n"
        )
    return "".join(rules)


def register_hyphenation() -> None:
    """Make Pyphen, and so WeasyPrint, use the bundled dictionaries: Finnish (``fi``, ``fi_FI``), which Pyphen lacks,
    and Latvian (``lv``, ``lv_LV``), Pyphen's own patterns corrected at consonant clusters; idempotent."""
    # WeasyPrint 70 (weasyprint/text/line_break.py) calls pyphen.language_fallback(lang), which looks the
    # lowercased tag up in pyphen.LANGUAGES_LOWERCASE, then pyphen.Pyphen(lang=...), which reads the path from
    # pyphen.LANGUAGES. Both are module-level dicts read at call time, so adding to both is enough: no function
    # is patched and no file is written into site-packages. Pyphen 0.18.1 has no public API for this yet; this is
    # the maintainers' documented way (https://github.com/Kozea/WeasyPrint/issues/1945,
    # https://github.com/Kozea/Pyphen/issues/55). Each rendering process must call it (the dicts are per process).
    bundled = (
        (FINNISH_DICTIONARY, ("fi", "fi_FI"), "Finnish hyphenation patterns", "hyphenation"),
        (LATVIAN_DICTIONARY, ("lv", "lv_LV"), "Latvian hyphenation patterns", "latvian"),
    )
    for dictionary, _names, what, command in bundled:
        if not dictionary.is_file():
            raise TypographyError(
                f"{dictionary}: {what} missing; restore the file from version control "
                f"(it is made by `python -m strom.pdf.typography {command}`, see {HYPHENATION / 'README.md'})"
            )
    for dictionary, names, _what, _command in bundled:
        for name in names:
            pyphen.LANGUAGES[name] = dictionary
            pyphen.LANGUAGES_LOWERCASE[name.lower()] = name


def dictionary_cache(work: Path) -> Path:
    """Return where :func:`load_dictionary` keeps a language build's parsed dictionaries: ``<work>/hyphenation``.

    ``work`` is the build's folder that holds its doctrees and print HTML (``_build/.work/<lang>``).
    """
    return work / "hyphenation"


def load_dictionary(tag: str, cache: Path) -> None:
    """Put Pyphen's parsed dictionary for ``tag`` in memory, from a pickle under ``cache`` when it is up to date.

    Pyphen parses a ``.dic`` file the first time a process asks for it: 0.07 s for Latvian, 0.47 s for German, on
    every build, cold or incremental. Unpickling the parsed dictionary takes a twentieth of that. Pyphen keeps parsed
    dictionaries in ``pyphen.hdcache`` by path, and WeasyPrint's and our ``pyphen.Pyphen(lang=...)`` look there
    first, so filling it is enough. The pickle is keyed by the file's path, size and time and Pyphen's version, and
    is written by this process only (the build folder is as trusted as Sphinx's pickled environment in it).
    """
    import hashlib
    import pickle

    register_hyphenation()
    name = pyphen.language_fallback(tag.replace("-", "_"))
    if name is None:
        return
    path = Path(pyphen.LANGUAGES[name])
    if path in pyphen.hdcache:
        return
    try:
        stat = path.stat()
    except OSError:
        return  # Pyphen reports the missing file itself, when it is asked for
    key = f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{pyphen.__version__}"
    pickled = cache / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"
    try:
        with pickled.open("rb") as stream:
            pyphen.hdcache[path] = pickle.load(stream)
        return
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    dictionary = pyphen.HyphDict(path)
    pyphen.hdcache[path] = dictionary
    try:
        cache.mkdir(parents=True, exist_ok=True)
        write_atomically(pickled, pickle.dumps(dictionary, pickle.HIGHEST_PROTOCOL))
        for stale in cache.glob(f"{name}-*.pickle"):  # made from an older file or Pyphen
            if stale != pickled:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written only costs the parsing next time


def hyphenation_language(language: Language) -> str:
    """Return the BCP 47 tag (e.g. ``de-DE``) whose ``lang`` makes WeasyPrint use the registry's dictionary."""
    register_hyphenation()
    # WeasyPrint resolves `lang` with pyphen.language_fallback(), which turns "-" into "_" and lowercases, so the
    # dictionary name with a hyphen is both a valid language tag and an exact match: "de" alone would pick de_AT.
    tag = language.hyphenation.replace("_", "-")
    if pyphen.language_fallback(tag) != language.hyphenation:
        known = " ".join(sorted(name for name in pyphen.LANGUAGES if "_" in name or len(name) == 2))
        raise TypographyError(
            f"{paths.REGISTRY}: language {language.code!r} has hyphenation = {language.hyphenation!r}, "
            f"which Pyphen does not know; use one of: {known}"
        )
    return tag


# --- Making the vendored files (maintainers only; nothing here runs during a build) ---------------------------


def tex_patterns_to_dic(tex: str, *, left: int, right: int, comments: Sequence[str] = ()) -> str:
    """Convert a hyph-utf8 TeX pattern file to the hyphen ``.dic`` format that Pyphen and libhyphen read."""
    # TeX comments run from an unescaped % to the end of the line; hyph-utf8's UTF-8 files use no other escapes.
    body = "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in tex.splitlines())
    groups = dict.fromkeys(("patterns", "hyphenation"), "")
    for command, content in re.findall(r"\\(patterns|hyphenation)\s*\{([^}]*)\}", body):
        groups[command] += content + "\n"
    patterns = groups["patterns"].split()
    if not patterns:
        raise TypographyError("no \\patterns{...} group found in the TeX file")
    for pattern in patterns:
        if not re.fullmatch(r"[.\d\w]+", pattern) or "_" in pattern:
            raise TypographyError(f"unexpected TeX pattern {pattern!r}: only letters, digits and '.' are allowed")
    # Pyphen and libhyphen have no exception list: an exception like "ta-ble" becomes the whole-word pattern
    # ".t8a9b8l8e.", whose 8 (no break) and 9 (break) outrank every value of TeX's patterns (at most 5 in practice).
    for word in groups["hyphenation"].split():
        pieces = word.split("-")
        letters = "".join(pieces)
        breaks = set(accumulate(len(piece) for piece in pieces[:-1]))
        inner = "".join(char + ("9" if index in breaks else "8") for index, char in enumerate(letters[:-1], 1))
        patterns.append(f".{inner}{letters[-1]}.")
    lines = ["UTF-8", *(f"% {comment}" for comment in comments), f"LEFTHYPHENMIN {left}", f"RIGHTHYPHENMIN {right}"]
    return "\n".join([*lines, *patterns]) + "\n"


def _tex_header(tex: str) -> dict[str, object]:
    """Read the YAML metadata that hyph-utf8 puts in the leading ``%`` comment lines of a pattern file."""
    lines = []
    for line in tex.splitlines():
        if not line.startswith("%"):
            break
        lines.append(line[2:] if line.startswith("% ") else line[1:])
    header = yaml.safe_load("\n".join(lines))
    return header if isinstance(header, dict) else {}


def vendor_finnish_patterns(tex_file: Path, source: str, target: Path = FINNISH_DICTIONARY) -> Path:
    """Convert hyph-utf8's ``hyph-fi.tex`` to :data:`FINNISH_DICTIONARY`; return the path written."""
    tex = tex_file.read_text(encoding="utf-8")
    try:
        header = _tex_header(tex)
    except yaml.YAMLError as error:
        raise TypographyError(f"{tex_file}: cannot read the hyph-utf8 header: {error}") from None
    mins = header.get("hyphenmins")
    typesetting = mins.get("typesetting", {}) if isinstance(mins, dict) else {}
    left = int(typesetting.get("left", 2))
    right = int(typesetting.get("right", 2))
    licences = header.get("licence")
    items = licences if isinstance(licences, list) else []
    licence = "; ".join(str(item.get("text", "")).strip() for item in items if isinstance(item, dict))
    comments = [
        f"{header.get('title', 'Hyphenation patterns')}, version {header.get('version', '?')}",
        str(header.get("copyright", "")),
        f"Licence: {licence}",
        f"Source: {tex_file.name} from {source}",
        "Converted to hyphen .dic format by `python -m strom.pdf.typography hyphenation` (see README.md)",
    ]
    try:
        dic = tex_patterns_to_dic(tex, left=left, right=right, comments=comments)
    except TypographyError as error:
        raise TypographyError(f"{tex_file}: {error}") from None
    write_atomically(target, dic.encode("utf-8"))
    return target


#: Latvian vowel letters. Diphthongs (ai, au, ie...) need no entry: the cluster rules look at consonants only.
LATVIAN_VOWELS = "aāeēiīouū"

#: Latvian consonants as the hyphenation rules count them: dz and dž stand for one sound and are one consonant, never
#: split ("ru-dzi", "izde-dži"; the rare d + z of a compound, "trūd-zeme", is left to the upstream patterns).
LATVIAN_CONSONANTS = (
    *("b", "c", "č", "d", "dz", "dž", "f", "g", "ģ", "h", "j", "k", "ķ", "l", "ļ", "m"),
    *("n", "ņ", "p", "r", "ŗ", "s", "š", "t", "v", "z", "ž"),
)

#: The consonant clusters a line of Latvian may begin with: those Latvian words begin with (skola, zvaigzne, pļava,
#: kvalitāte, strādāt). A cluster no word begins with ("dn", "pn", "kt", "tp") does not begin a syllable either, so
#: the break goes after its first consonant: "aizbild-nis", "starp-niecība", "kontakt-punk-tu".
LATVIAN_ONSETS = frozenset(
    {
        *(
            f"{sibilant}{consonant}"
            for sibilant in "sš"
            for consonant in ("k", "ķ", "l", "ļ", "m", "n", "ņ", "p", "t", "v")
        ),
        *(f"{sibilant}{consonant}" for sibilant in "zž" for consonant in ("v", "n", "ņ", "l", "ļ", "m")),
        *(f"{stop}{liquid}" for stop in "pbkgf" for liquid in ("l", "ļ", "r")),
        *("tr", "dr", "hr", "hl", "kv", "tv", "dv", "kn", "gn"),
        *("str", "spr", "skr", "spl", "spļ", "skl", "skv", "štr", "špr", "šķr"),
    }
)

#: Pattern values of :func:`latvian_onset_patterns`: above every value of the upstream patterns (at most 5).
_NO_BREAK = 8
_BREAK = 9

#: Breaks the rules name as exceptions to the clusters: the teens are divided "div-pa-dsmit" (from "pa desmit").
LATVIAN_EXCEPTIONS = ("pa9dsmit",)


def latvian_onset_patterns() -> list[str]:
    """Return patterns that keep a Latvian line from beginning with a consonant cluster no Latvian word begins with.

    The Latvian rules (LU MII, "Vārdu dalīšana pārnešanai jaunā rindā", http://valoda.ailab.lv/latval/vidusskolai/
    orto/vdpjr.htm) split consonants between vowels evenly (vis-ta, žvirk-stēt), three with usually two on the next
    line (rak-stīt, vin-grot) but one where two would be hard to say (turp-māk, vilk-ties, spilg-ti), and derived
    words at their parts (starp-nieks). Pyphen's ``lv_LV`` patterns apply the three-consonant rule blindly
    ("aizbil-dnis", "star-pniecību", "kontaktpun-ktu"). For every cluster outside :data:`LATVIAN_ONSETS` these
    patterns forbid a break before it and, when a vowel follows, break before its last consonant instead; breaks
    before the clusters of :data:`LATVIAN_ONSETS` (the upstream's choice, prefixes: "no-stāties") are left alone.
    """
    patterns = []
    for first, second in itertools.product(LATVIAN_CONSONANTS, repeat=2):
        pair = first + second
        if pair in LATVIAN_ONSETS or pair in ("dz", "dž"):
            continue
        patterns.append(f"{_NO_BREAK}{pair}")
        patterns.extend(f"{first}{_BREAK}{second}{vowel}" for vowel in LATVIAN_VOWELS)
    for pair in sorted(onset for onset in LATVIAN_ONSETS if len(onset) == 2):
        patterns.extend(
            f"{_NO_BREAK}{pair}{third}" for third in LATVIAN_CONSONANTS if pair + third not in LATVIAN_ONSETS
        )
    return [*patterns, *LATVIAN_EXCEPTIONS]


def _pattern_points(pattern: str) -> tuple[str, list[int]]:
    """Split a Liang pattern (``"2b3da"``) into its letters (``"bda"``) and the value before and after each letter."""
    letters = re.sub(r"\d", "", pattern)
    values = [0] * (len(letters) + 1)
    position = 0
    for char in pattern:
        if char.isdigit():
            values[position] = int(char)
        else:
            position += 1
    return letters, values


def _pattern_text(letters: str, values: Sequence[int]) -> str:
    """Join letters and values back into a pattern, leaving out the zeros."""
    return "".join(f"{value or ''}{char}" for value, char in zip(values, letters + " ", strict=True)).rstrip()


def read_dic_patterns(data: bytes) -> list[str]:
    """Return the patterns of a hyphen ``.dic`` file (its first line names the encoding), as Pyphen reads them."""
    encoding, _, body = data.partition(b"\n")
    text = body.decode(encoding.decode("ascii").strip())
    ignored = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
    return [line.strip() for line in text.split("\n") if line.strip() and not line.strip().startswith(ignored)]


def latvian_dictionary(upstream: Sequence[str], comments: Sequence[str] = ()) -> str:
    """Return the text of :data:`LATVIAN_DICTIONARY`: the ``upstream`` patterns plus :func:`latvian_onset_patterns`.

    Pyphen keeps only the last of two patterns with the same letters, so equal upstream patterns are written once
    (the last, as Pyphen reads them), and ours are merged into theirs, position by position, by the higher value.
    """
    merged: dict[str, list[int]] = {}
    for pattern in upstream:
        letters, values = _pattern_points(pattern)
        merged[letters] = values
    for pattern in latvian_onset_patterns():
        letters, values = _pattern_points(pattern)
        old = merged.get(letters, [0] * len(values))
        merged[letters] = [max(pair) for pair in zip(old, values, strict=True)]
    lines = ["UTF-8", *(f"% {comment}" for comment in comments)]
    return "\n".join([*lines, *(_pattern_text(letters, values) for letters, values in merged.items())]) + "\n"


def pyphen_dictionary(name: str) -> Path:
    """Return the path of a dictionary Pyphen ships (``"lv_LV"``), whatever :func:`register_hyphenation` did."""
    return Path(str(resources.files("pyphen.dictionaries") / f"hyph_{name}.dic"))


def vendor_latvian_patterns(upstream_file: Path, source: str, target: Path = LATVIAN_DICTIONARY) -> Path:
    """Write :data:`LATVIAN_DICTIONARY` from an upstream ``hyph_lv_LV.dic``; return the path written."""
    upstream = read_dic_patterns(upstream_file.read_bytes())
    if not upstream:
        raise TypographyError(f"{upstream_file}: no hyphenation patterns found")
    comments = [
        "Latvian hyphenation patterns, version 0.3, with strom's consonant-cluster patterns",
        "Copyright (C) 2004-2005 Jānis Vilims (upstream patterns)",
        "Licence: LGPL-2.1 (upstream patterns, see LICENSE-hyph-lv.txt)",
        f"Source: {upstream_file.name} from {source}",
        "Made by `python -m strom.pdf.typography latvian` (see README.md); do not edit by hand",
    ]
    write_atomically(target, latvian_dictionary(upstream, comments).encode("utf-8"))
    return target


def vendor_fonts(source_dir: Path, source: str, target_dir: Path = FONTS) -> list[Path]:
    """Subset (and for the symbols face, merge) the upstream Noto files into the bundled faces."""
    from fontTools.merge import Merger
    from fontTools.subset import Options, Subsetter, load_font, parse_unicodes, save_font
    from fontTools.ttLib import TTFont

    # The same as: pyftsubset FILE --unicodes=... --layout-features='*' --no-hinting --name-IDs='*'
    #   --name-languages='*' --notdef-outline --drop-tables+=MATH
    # Hinting only helps screens at small sizes; dropping it halves the files. All OpenType features are kept
    # (small caps, old-style and tabular figures, fractions) for the stylesheet to use.
    options = Options(layout_features=["*"], hinting=False, name_IDs=["*"], name_languages=["*"], notdef_outline=True)
    options.drop_tables += ["MATH"]

    def subset(part: Source) -> bytes:
        upstream = source_dir / part.filename
        if not upstream.is_file():
            raise TypographyError(f"{upstream}: not found; extract Debian's fonts-noto-core there first")
        out = io.BytesIO()
        with load_font(str(upstream), options) as font:
            subsetter = Subsetter(options)
            subsetter.populate(unicodes=parse_unicodes(part.unicodes))
            subsetter.subset(font)
            save_font(font, out, options)
        return out.getvalue()

    written = []
    for face in FACES:
        parts = [subset(part) for part in face.sources]
        if len(parts) == 1:
            data = parts[0]
        else:
            # In-memory inputs: the merger opens each font twice and never closes files it opened itself.
            streams = [io.BytesIO(part) for part in parts]
            merged = Merger().merge(streams)
            with TTFont(io.BytesIO(parts[0])) as first:
                # The merger stamps today's date; take the first input's so the same inputs give the same file.
                merged["head"].created, merged["head"].modified = first["head"].created, first["head"].modified
            merged.recalcTimestamp = False
            if face.rename:
                copyrights = []
                for part in parts:
                    with TTFont(io.BytesIO(part)) as font:
                        copyrights.append(font["name"].getDebugName(0))
                sources = ", ".join(part.filename for part in face.sources)
                _rename(
                    merged,
                    *face.rename,
                    copyright=" ".join(dict.fromkeys(copyrights)),
                    description=f"Merged from {sources} ({source}) for strom",
                )
            out = io.BytesIO()
            merged.save(out)
            data = out.getvalue()
        write_atomically(target_dir / face.filename, data)
        written.append(target_dir / face.filename)
    return written


def _rename(font: Any, family: str, postscript_family: str, *, copyright: str, description: str) -> None:
    """Give a merged font its own family and PostScript names and every input's copyright; keep the licence."""
    name = font["name"]
    old_family = name.getDebugName(1)
    old_postscript = name.getDebugName(6).split("-")[0]
    for record in name.names:
        if record.nameID in (1, 3, 4, 6, 16, 20, 21):
            record.string = record.toUnicode().replace(old_postscript, postscript_family).replace(old_family, family)
    name.setName(copyright, 0, 3, 1, 0x409)
    name.setName(description, 10, 3, 1, 0x409)


def main(argv: Sequence[str] | None = None) -> int:
    """Remake the bundled fonts, the Finnish patterns or the Latvian patterns from their upstream files."""
    parser = argparse.ArgumentParser(prog="python -m strom.pdf.typography", description=main.__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    fonts = commands.add_parser("fonts", help="subset Noto TTF files (Debian fonts-noto-core) into fonts/")
    fonts.add_argument("folder", type=Path, help="folder with NotoSerif-Regular.ttf etc.")
    fonts.add_argument("--source", default="Debian fonts-noto-core 20201225-1", help="where the files came from")
    fonts.add_argument("--output", type=Path, default=FONTS, help="folder to write to (default: %(default)s)")
    hyphenation = commands.add_parser("hyphenation", help="convert hyph-utf8's hyph-fi.tex into hyphenation/")
    hyphenation.add_argument("tex", type=Path, help="path of hyph-fi.tex")
    hyphenation.add_argument(
        "--source", default="Debian texlive-lang-european 2022.20230122-1", help="where the file came from"
    )
    hyphenation.add_argument(
        "--output", type=Path, default=FINNISH_DICTIONARY, help="file to write (default: %(default)s)"
    )
    latvian = commands.add_parser(
        "latvian", help="add strom's consonant-cluster patterns to a hyph_lv_LV.dic, into hyphenation/"
    )
    latvian.add_argument(
        "dic", type=Path, nargs="?", default=pyphen_dictionary("lv_LV"), help="upstream file (default: Pyphen's)"
    )
    latvian.add_argument("--source", default=f"Pyphen {pyphen.__version__}", help="where the file came from")
    latvian.add_argument("--output", type=Path, default=LATVIAN_DICTIONARY, help="file to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        if args.command == "fonts":
            for path in vendor_fonts(args.folder, args.source, args.output):
                print(f"{path} ({path.stat().st_size} bytes)")
        elif args.command == "latvian":
            print(vendor_latvian_patterns(args.dic, args.source, args.output))
        else:
            print(vendor_finnish_patterns(args.tex, args.source, args.output))
    except (OSError, TypographyError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
