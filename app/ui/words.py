"""The words the screen shows for the core's names and values, translated.

The core is Qt-free and English: payload kinds and their fields (:data:`app.core.payloads.PAYLOAD_KINDS`)
carry labels, placeholders and choice values, a style has values such as ``"dots"`` or ``"nopass"``. Qt's
``lupdate`` only extracts literal strings, so each of them is listed here once inside ``QT_TRANSLATE_NOOP`` and
translated where it is shown. tests/ui/test_translations.py fails when the core gains a label this module does
not list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate under ``context`` and returns it as it is (PySide6's own is typed ``object``)."""
    return text


# Payload kinds, field labels and placeholders with words in them (examples such as a URL stay as they are).
PAYLOAD_WORDS = (
    QT_TRANSLATE_NOOP("Payloads", "Text"), QT_TRANSLATE_NOOP("Payloads", "Any text"),
    QT_TRANSLATE_NOOP("Payloads", "URL"),
    QT_TRANSLATE_NOOP("Payloads", "Wi-Fi"), QT_TRANSLATE_NOOP("Payloads", "Network name (SSID)"),
    QT_TRANSLATE_NOOP("Payloads", "Password"), QT_TRANSLATE_NOOP("Payloads", "Security"),
    QT_TRANSLATE_NOOP("Payloads", "Hidden network"), QT_TRANSLATE_NOOP("Payloads", "Home"),
    QT_TRANSLATE_NOOP("Payloads", "Contact (vCard)"), QT_TRANSLATE_NOOP("Payloads", "Contact (MeCard)"),
    QT_TRANSLATE_NOOP("Payloads", "First name"), QT_TRANSLATE_NOOP("Payloads", "Last name"),
    QT_TRANSLATE_NOOP("Payloads", "Mobile"), QT_TRANSLATE_NOOP("Payloads", "E-mail"),
    QT_TRANSLATE_NOOP("Payloads", "Organisation"), QT_TRANSLATE_NOOP("Payloads", "Job title"),
    QT_TRANSLATE_NOOP("Payloads", "Work phone"), QT_TRANSLATE_NOOP("Payloads", "Home phone"),
    QT_TRANSLATE_NOOP("Payloads", "Fax"), QT_TRANSLATE_NOOP("Payloads", "Website"),
    QT_TRANSLATE_NOOP("Payloads", "Street"), QT_TRANSLATE_NOOP("Payloads", "Postcode"),
    QT_TRANSLATE_NOOP("Payloads", "City"), QT_TRANSLATE_NOOP("Payloads", "Region"),
    QT_TRANSLATE_NOOP("Payloads", "Country"), QT_TRANSLATE_NOOP("Payloads", "Birthday"),
    QT_TRANSLATE_NOOP("Payloads", "Note"), QT_TRANSLATE_NOOP("Payloads", "Jane"),
    QT_TRANSLATE_NOOP("Payloads", "Doe"), QT_TRANSLATE_NOOP("Payloads", "YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("Payloads", "Phone"), QT_TRANSLATE_NOOP("Payloads", "Address"),
    QT_TRANSLATE_NOOP("Payloads", "To"), QT_TRANSLATE_NOOP("Payloads", "Cc"), QT_TRANSLATE_NOOP("Payloads", "Bcc"),
    QT_TRANSLATE_NOOP("Payloads", "Subject"), QT_TRANSLATE_NOOP("Payloads", "Message"),
    QT_TRANSLATE_NOOP("Payloads", "SMS"), QT_TRANSLATE_NOOP("Payloads", "Phone number"),
    QT_TRANSLATE_NOOP("Payloads", "Phone call"), QT_TRANSLATE_NOOP("Payloads", "Location"),
    QT_TRANSLATE_NOOP("Payloads", "Latitude"), QT_TRANSLATE_NOOP("Payloads", "Longitude"),
    QT_TRANSLATE_NOOP("Payloads", "Altitude (m)"), QT_TRANSLATE_NOOP("Payloads", "Label"),
    QT_TRANSLATE_NOOP("Payloads", "Calendar event"), QT_TRANSLATE_NOOP("Payloads", "Title"),
    QT_TRANSLATE_NOOP("Payloads", "Start"), QT_TRANSLATE_NOOP("Payloads", "End"),
    QT_TRANSLATE_NOOP("Payloads", "All day"), QT_TRANSLATE_NOOP("Payloads", "Description"),
    QT_TRANSLATE_NOOP("Payloads", "2025-06-01 14:00 (local time) or YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("Payloads", "2025-06-01 15:30; for all-day events the last day"),
)

# What a field's choice means (the payload keeps the value on the left).
CHOICE_WORDS = {
    "WPA": QT_TRANSLATE_NOOP("Payloads", "WPA, WPA2 or WPA3"),
    "WEP": QT_TRANSLATE_NOOP("Payloads", "WEP (old networks)"),
    "nopass": QT_TRANSLATE_NOOP("Payloads", "None (open network)"),
    "no": QT_TRANSLATE_NOOP("Payloads", "No"),
    "yes": QT_TRANSLATE_NOOP("Payloads", "Yes"),
}

# A style option's name in undo entries and messages (the form's own words, not attribute names).
STYLE_LABELS = {
    "fg": QT_TRANSLATE_NOOP("Style", "foreground colour"), "bg": QT_TRANSLATE_NOOP("Style", "background colour"),
    "eye_color": QT_TRANSLATE_NOOP("Style", "eye colour"), "ecc": QT_TRANSLATE_NOOP("Style", "error correction"),
    "quiet_zone": QT_TRANSLATE_NOOP("Style", "quiet zone"), "module_shape": QT_TRANSLATE_NOOP("Style", "module shape"),
    "eye_shape": QT_TRANSLATE_NOOP("Style", "eye shape"), "logo": QT_TRANSLATE_NOOP("Style", "logo"),
    "logo_scale": QT_TRANSLATE_NOOP("Style", "logo size"), "frame": QT_TRANSLATE_NOOP("Style", "frame"),
    "caption": QT_TRANSLATE_NOOP("Style", "caption"), "micro": QT_TRANSLATE_NOOP("Style", "Micro QR"),
    "charset": QT_TRANSLATE_NOOP("Style", "character set"), "size": QT_TRANSLATE_NOOP("Style", "size"),
    "size_unit": QT_TRANSLATE_NOOP("Style", "size unit"), "size_mode": QT_TRANSLATE_NOOP("Style", "size mode"),
    "dpi": QT_TRANSLATE_NOOP("Style", "resolution"), "fg_gradient": QT_TRANSLATE_NOOP("Style", "module gradient"),
    "eye_gradient": QT_TRANSLATE_NOOP("Style", "eye gradient"),
    "boost_ecc": QT_TRANSLATE_NOOP("Style", "error correction boost"),
}
ECC_WORDS = {"L": QT_TRANSLATE_NOOP("Style", "L — restores 7 %"), "M": QT_TRANSLATE_NOOP("Style", "M — restores 15 %"),
             "Q": QT_TRANSLATE_NOOP("Style", "Q — restores 25 %"), "H": QT_TRANSLATE_NOOP("Style", "H — restores 30 %")}
MODULE_WORDS = {"square": QT_TRANSLATE_NOOP("Style", "Square"), "rounded": QT_TRANSLATE_NOOP("Style", "Rounded"),
                "dots": QT_TRANSLATE_NOOP("Style", "Dots")}
EYE_WORDS = {"square": QT_TRANSLATE_NOOP("Style", "Square"), "rounded": QT_TRANSLATE_NOOP("Style", "Rounded"),
             "circle": QT_TRANSLATE_NOOP("Style", "Circle")}
CHARSET_WORDS = {"auto": QT_TRANSLATE_NOOP("Style", "Automatic (UTF-8 when needed)"), "utf-8": "UTF-8",
                 "iso-8859-1": QT_TRANSLATE_NOOP("Style", "Latin-1 (ISO-8859-1)"), "shift_jis": "Shift JIS"}
UNIT_WORDS = {"px": "px", "mm": "mm", "in": QT_TRANSLATE_NOOP("Style", "in")}
SIZE_MODE_WORDS = {"module": QT_TRANSLATE_NOOP("Style", "per module"),
                   "total": QT_TRANSLATE_NOOP("Style", "whole code")}
GRADIENT_WORDS = {"": QT_TRANSLATE_NOOP("Style", "None"), "linear": QT_TRANSLATE_NOOP("Style", "Linear"),
                  "radial": QT_TRANSLATE_NOOP("Style", "Radial")}


def payload_word(text: str) -> str:
    """A payload kind's label, a field's label or placeholder, translated (unlisted text stays as it is)."""
    return translate("Payloads", text) if text else text


def choice_word(value: str) -> str:
    """A field choice in words: ``nopass`` → "None (open network)"."""
    return translate("Payloads", CHOICE_WORDS[value]) if value in CHOICE_WORDS else value


def style_word(words: dict[str, str], value: str) -> str:
    """A style value in words from one of the tables above (``MODULE_WORDS``, ``"dots"`` → "Dots")."""
    return translate("Style", words[value]) if value in words else value


def style_label(attr: str) -> str:
    """The words for a style option (``eye_color`` → "eye colour"), translated."""
    return translate("Style", STYLE_LABELS[attr]) if attr in STYLE_LABELS else attr.replace("_", " ")


def number(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` digits in the language's way (German: 4,5)."""
    return QLocale().toString(float(value), "f", decimals)


def length(mm: float) -> str:
    """A length in the unit a person would say it in: 8.5 mm, 12 mm, 35 cm, 2.5 m (as app.core.printsize)."""
    if mm >= 1000:
        metres = number(mm / 1000, 2).removesuffix(QLocale().zeroDigit() * 2).rstrip(QLocale().decimalPoint())
        return f"{metres} m"
    if mm >= 100:
        return f"{number(mm / 10, 0)} cm"
    return f"{number(mm, 0 if mm >= 10 else 1)} mm"


# The robustness check's conditions (app.core.robustness.CONDITIONS), by name.
CONDITION_WORDS = {
    "small": QT_TRANSLATE_NOOP("Robustness", "2.5 px per module"), "blur": QT_TRANSLATE_NOOP("Robustness", "blur"),
    "jpeg": QT_TRANSLATE_NOOP("Robustness", "JPEG quality 10"),
    "tilt": QT_TRANSLATE_NOOP("Robustness", "perspective tilt"), "dim": QT_TRANSLATE_NOOP("Robustness", "dim light"),
    "dot_gain": QT_TRANSLATE_NOOP("Robustness", "print dot gain"), "smudge": QT_TRANSLATE_NOOP("Robustness", "smudge"),
}


def condition_word(name: str, label: str) -> str:
    """A robustness condition in words (``label``, the core's English, when the table does not know it)."""
    return translate("Robustness", CONDITION_WORDS[name]) if name in CONDITION_WORDS else label


# The built-in presets' names (resources/presets/built-in.json); a preset of the user's keeps its own name.
BUILT_IN_PRESETS = (QT_TRANSLATE_NOOP("Presets", "Classic"), QT_TRANSLATE_NOOP("Presets", "Ink blue, rounded"),
                    QT_TRANSLATE_NOOP("Presets", "Dots on cream"))


def preset_name(name: str) -> str:
    """A preset's name as the lists show it: a built-in one translated, the user's own as they wrote it."""
    return translate("Presets", name) if name in BUILT_IN_PRESETS else name
