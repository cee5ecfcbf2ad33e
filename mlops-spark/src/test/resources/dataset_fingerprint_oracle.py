# An independent implementation of DatasetFingerprint (mlops-spark) on the four rows of
# DatasetFingerprintTest.fixture(): python3 dataset_fingerprint_oracle.py
import hashlib, struct
def s(x):
    b = x.encode('utf-8'); return struct.pack('>i', len(b)) + b
def row(cells):
    out = b''
    for kind, v in cells:
        if v is None: out += b'\x00'; continue
        out += b'\x01'
        if kind == 'NUMERIC': out += struct.pack('>d', v) if v == v else struct.pack('>q', 0x7ff8000000000000)
        elif kind in ('CATEGORICAL', 'TEXT'): out += s(v)
        elif kind == 'BOOLEAN': out += bytes([1 if v else 0])
        elif kind == 'TIMESTAMP': out += struct.pack('>qi', v[0], v[1])
    return out
schema = [('x', 'NUMERIC'), ('city', 'CATEGORICAL'), ('ok', 'BOOLEAN'), ('at', 'TIMESTAMP'), ('note', 'TEXT')]
rows = [
  [1.5, 'München', True, (1700000000, 123000), 'a'],
  [None, None, None, None, None],
  [float('nan'), 'São Paulo', False, (-1, 999999000), ''],
  [-0.0, 'München', True, (0, 0), 'a'],
]
total = 0
for r in rows:
    h = hashlib.sha256(row([(k, v) for (n, k), v in zip(schema, r)])).digest()
    total = (total + int.from_bytes(h, 'big')) % (1 << 256)
d = hashlib.sha256()
d.update(s('mlops-dataset-fingerprint/1'))
for n, k in schema: d.update(s(n)); d.update(s(k))
d.update(struct.pack('>q', len(rows)) + total.to_bytes(32, 'big'))
print(d.hexdigest())
