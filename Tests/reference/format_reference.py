#!/usr/bin/env python3
"""Reference cases for PythonFormat: Python's own format(value, spec).

Writes Tests/Fixtures/format/cases.json: a list of
  {"kind": "int"|"double"|"string"|"bool", "value": ..., "spec": ..., "expected": ...}
or, where Python raises ValueError/OverflowError, "error": "<message>" instead of "expected".
Doubles are stored as their IEEE-754 bit pattern ("bits", 16 hex digits) so the Swift side
decodes the very same binary value; "value" holds repr(x) for readers.

One deliberate extension is recorded here too: type 'd' on a float whose value is integral
formats like int(x) (results stored as JSON numbers may come back as floats). Python itself
raises "Unknown format code 'd' for object of type 'float'", which stays the expected result
for non-integral floats.

Usage: python3 Tests/reference/format_reference.py   (Python 3.11+; 'z' needs 3.11)
       python3 Tests/reference/format_reference.py --full /tmp/format_full.json
         (100k extra random cases for PYTHON_FORMAT_CASES=... swift test; not committed)
"""
import json
import math
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Fixtures", "format", "cases.json")

DOUBLES = [
    -0.0, 0.1 + 0.2, 0.125, 2.675, 1.005, 2.5, 0.0125, -math.e, 99.995, 1e-5, 123.0,
    -1234567.891, 1e16, 1e22, 5e-324, math.nan,
]
DOUBLE_SPECS = [
    "", "f", ".0f", ".2f", ".12f", "e", ".0e", ".3E", "g", ".1g", ".4g", ".17g", "#g", "%",
    ".0%", ".1%", ".3", ",.2f", "_.1f", "012,.1f", "z.1f", "#", "n", "d",
]
# Layout and flag combinations on a few values.
LAYOUT_DOUBLES = [1234.5678, -0.5, -1234567.0, math.inf, math.nan, 0.0]
LAYOUT_SPECS = [
    "<15", "^16", "=15", "0<15", "\u00e9^15.2f", "+015,.2f", "015_.3f", " 015.3e", "020,",
    "09,.1%", "z015.2f", ">015.2f", "08,.0f", "015n",
]
INTS = [0, -1, 255, -1234, 1234567, 2 ** 63 - 1, -2 ** 63, 0x1F600]
INT_SPECS = [
    "", ",d", "_d", "^10", "=+10", "010,d", "08,", " d", "x", "#X", "#o", "_b", "#_x",
    "#010x", "c", "n", ".2f", "%",
]
INT_ERROR_SPECS = [".2d", "z", "zd", "s", ",c", "+c", "#c", "_n", ",n", ",o", ",x", "y", ".2"]
STRINGS = ["", "h\u00e9llo", "\u65e5\u672c"]
STRING_SPECS = [
    "", "s", "10", "<10", ">10", "^10", "^9", "*^9", ".2", "10.2s", "05", ">>5", "0>8", ".0",
    "=10", "+", " ", "-", "#", "z", ",", "_", "d", "10.3", "^", "x<3",
]
BOOLS = [True, False]
BOOL_SPECS = ["", "d", ">5", "s", "f", "#x", "^7", ".1%", "05"]
INVALID_SPECS = [
    ".f", ",_f", "_,f", "ff", "10.2ff", "<<<", ".", "10.", "=", "abc", "z#,.2f", "0=10",
    "\u00e9", "99999999999999999999f",
]
PYTHON_SOURCE_VALUES = [0.1, 2.675, 1e16, 0.5, 1234567.891, -0.0]


def bits(x):
    return struct.pack(">d", x).hex()


def run(value, spec):
    try:
        return {"expected": format(value, spec)}
    except (ValueError, OverflowError) as e:
        if (isinstance(value, float) and math.isfinite(value) and value.is_integer()
                and str(e) == "Unknown format code 'd' for object of type 'float'"):
            return run(int(value), spec)  # the documented extension
        return {"error": str(e)}


def case(value, spec):
    if isinstance(value, bool):
        entry = {"kind": "bool", "value": value}
    elif isinstance(value, int):
        entry = {"kind": "int", "value": value}
    elif isinstance(value, float):
        entry = {"kind": "double", "value": repr(value), "bits": bits(value)}
    else:
        entry = {"kind": "string", "value": value}
    entry["spec"] = spec
    entry.update(run(value, spec))
    return entry


def cases():
    out = []
    for v in DOUBLES:
        for s in DOUBLE_SPECS:
            out.append(case(v, s))
    for v in LAYOUT_DOUBLES:
        for s in LAYOUT_SPECS:
            out.append(case(v, s))
    for v in INTS:
        for s in INT_SPECS:
            out.append(case(v, s))
    for s in INT_ERROR_SPECS:
        out.append(case(1234, s))
    for v in STRINGS:
        for s in STRING_SPECS:
            out.append(case(v, s))
    for v in BOOLS:
        for s in BOOL_SPECS:
            out.append(case(v, s))
    for s in INVALID_SPECS:
        out.append(case(1.5, s))
        out.append(case(7, s))
    # Tricky rounding: ties and near-ties at every precision 0...6, f and e.
    for v in [0.5, 1.5, 0.35, 0.45, 5e-5, 9.5, 0.995, 123.456789]:
        for p in range(5):
            out.append(case(v, f".{p}f"))
            out.append(case(v, f".{p}e"))
            out.append(case(v, f".{p}g"))
    # Typical report roles.
    for v, s in [(0.9734, ".1%"), (32833, ",d"), (32833.0, ",d"), (1523.4567891, ".3f"),
                 (0.5, ".0%"), (1e16, ",.0f"), (0.1 + 0.2, ""), (12.0, "d"), (-3.0, "+d"),
                 (0.87654321, ".4f"), (2.5, "d"), (1e20, ",d"), (-0.0, "d")]:
        out.append(case(v, s))
    return out


def full_cases(count, seed=1):
    """The committed cases plus wide cross products and `count` random (value, spec) pairs."""
    import random
    rng = random.Random(seed)
    out = cases()
    wide_doubles = DOUBLES + LAYOUT_DOUBLES + [
        0.0, 0.1, 0.375, 0.5, 1.5, -2.5, 0.045, 1 / 3, 2 / 3, math.pi, 9.9999, 0.99999999,
        1e-4, 0.00012345, 1234.5, 12345.6789, 123456789.125, 1e15, 2.0 ** 53, 1e300,
        1.7976931348623157e308, 2.2250738585072014e-308, math.inf, -math.inf, -0.001]
    wide_specs = DOUBLE_SPECS + LAYOUT_SPECS + [
        ".1f", ".3f", ".2e", ".2g", "#.3g", ".1", "12.3f", "<12.2f", "*^14.3e", " g", "F", "G",
        ",", ",d", "#.0f", "15", "+", "010", "^+15,.2f"]
    out += [case(v, s) for v in wide_doubles for s in wide_specs]
    out += [case(v, s) for v in INTS + [1, 7, 42, 999, 1000, 65, -1234567890]
            for s in INT_SPECS + ["o", "X", "#b", "b", "10d", "e", "g", "*^12,"]]

    def random_double():
        kind = rng.randrange(5)
        if kind == 0:  # any finite bit pattern
            while True:
                x = struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))[0]
                if math.isfinite(x):
                    return x
        if kind == 1:  # short decimals: ties like 0.125 and near-ties like 2.675
            return round(rng.uniform(-1, 1) * 10 ** rng.randint(-3, 8), rng.randint(0, 6))
        if kind == 2:  # exact binary ties at some decimal place
            return (rng.randrange(1, 10 ** 6) + 0.5) / 10 ** rng.randint(0, 6)
        if kind == 3:
            return float(rng.randrange(-10 ** 17, 10 ** 17))
        return rng.uniform(-1, 1) * 10 ** rng.uniform(-30, 30)

    def random_spec(numeric_types):
        parts = []
        if rng.random() < 0.4:
            if rng.random() < 0.5:
                parts.append(rng.choice("*0 x\u00e9<"))
            parts.append(rng.choice("<>^="))
        if rng.random() < 0.3:
            parts.append(rng.choice("+- "))
        if rng.random() < 0.1:
            parts.append("z")
        if rng.random() < 0.15:
            parts.append("#")
        if rng.random() < 0.2:
            parts.append("0")
        if rng.random() < 0.5:
            parts.append(str(rng.randint(1, 30)))
        if rng.random() < 0.3:
            parts.append(rng.choice(",_"))
        if rng.random() < 0.6:
            parts.append("." + str(rng.randint(0, 25)))
        if rng.random() < 0.85:
            parts.append(rng.choice(numeric_types))
        return "".join(parts)

    for _ in range(count):
        r = rng.random()
        if r < 0.7:
            out.append(case(random_double(), random_spec("eEfFgGn%d")))
        elif r < 0.9:
            v = rng.randrange(-2 ** 63, 2 ** 63) >> rng.randrange(64)
            out.append(case(v, random_spec("dnbcoxXeEfFgG%")))
        else:
            v = "".join(rng.choice("ab\u00e9\u65e5 ") for _ in range(rng.randrange(8)))
            out.append(case(v, random_spec("s")))
    return out


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--full":
        # A large corpus for an occasional deeper check, not committed:
        #   python3 format_reference.py --full /tmp/format_full.json
        #   PYTHON_FORMAT_CASES=/tmp/format_full.json swift test --filter PythonFormatTests
        full = {"python": sys.version.split()[0], "cases": full_cases(100_000)}
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            json.dump(full, f, ensure_ascii=False)
        print(f"wrote {sys.argv[2]}: {len(full['cases'])} cases")
        sys.exit(0)
    if sys.version_info < (3, 11):
        sys.exit("needs Python 3.11+ (the 'z' option)")
    data = {"python": sys.version.split()[0], "cases": cases()}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write('{"python":%s,"cases":[\n' % json.dumps(data["python"]))
        f.write(",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":"))
                           for c in data["cases"]))
        f.write("\n]}")
        f.write("\n")
    print(f"wrote {os.path.normpath(OUT)}: {len(data['cases'])} cases, {os.path.getsize(OUT)} bytes")
