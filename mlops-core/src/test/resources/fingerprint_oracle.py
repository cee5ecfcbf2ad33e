#!/usr/bin/env python3
"""Independent oracle for dev.mlops.core.table.Fingerprint (encoding "mlops-table-fingerprint/1").

Implements the encoding documented on Fingerprint with hashlib and struct, for the tiny table of
FingerprintTest.golden(), and prints the hex digest that the test pins. Run: python3 fingerprint_oracle.py
"""
import hashlib
import struct
from datetime import datetime, timezone

NAN = float("nan")


def string(s):
    b = s.encode("utf-8")
    return struct.pack(">i", len(b)) + b


def epoch(iso):
    dt = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return int(dt.timestamp())


# (name, type, values); None is a missing value; timestamps are (epoch second, nano)
columns = [
    ("age", "NUMERIC", [34.5, NAN, None, -0.0]),
    ("city", "CATEGORICAL", ["München", "São Paulo", None, "München"]),
    ("member", "BOOLEAN", [True, False, None, True]),
    ("seen", "TIMESTAMP", [(epoch("2024-01-01T00:00:00Z"), 0), (-1, 500_000_000), None,
                           (epoch("2024-03-01T12:00:00Z"), 1)]),
    ("note", "TEXT", ["a,b", "", None, "東京"]),
]
rows = 4

out = bytearray()
out += string("mlops-table-fingerprint/1")
out += struct.pack(">ii", len(columns), rows)
for name, kind, _ in columns:
    out += string(name) + string(kind)
for name, kind, values in columns:
    for v in values:
        if v is None:
            out += b"\x00"
            continue
        out += b"\x01"
        if kind == "NUMERIC":
            bits = 0x7FF8000000000000 if v != v else struct.unpack(">q", struct.pack(">d", v))[0]
            out += struct.pack(">q", bits)
        elif kind in ("CATEGORICAL", "TEXT"):
            out += string(v)
        elif kind == "BOOLEAN":
            out += b"\x01" if v else b"\x00"
        elif kind == "TIMESTAMP":
            out += struct.pack(">qi", v[0], v[1])
print(hashlib.sha256(bytes(out)).hexdigest())
