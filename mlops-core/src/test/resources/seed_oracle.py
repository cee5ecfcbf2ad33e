#!/usr/bin/env python3
"""Independent oracle for dev.mlops.core.Seed.derive, written from its javadoc.

derive(seed, name):
  hash  = FNV-1a 64 over the UTF-8 bytes of name
          (offset basis 0xcbf29ce484222325, prime 0x100000001b3; xor the byte, then multiply)
  z     = (seed + 0x9e3779b97f4a7c15 * hash) mod 2^64
  return SplitMix64's finalizer of z:
          z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
          z = (z ^ (z >> 27)) * 0x94d049bb133111eb
          z ^ (z >> 31)
All arithmetic on plain Python integers masked to 64 bits (shifts are logical, as Java's >>>).
Results are printed as signed 64-bit integers, the value of Java's long.

Run: python3 mlops-core/src/test/resources/seed_oracle.py
"""

MASK = (1 << 64) - 1


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & MASK
    return h


def mix(z: int) -> int:
    z &= MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def derive(seed: int, name: str) -> int:
    h = fnv1a64(name.encode("utf-8"))
    return mix((seed & MASK) + 0x9E3779B97F4A7C15 * h)


def signed(v: int) -> int:
    return v - (1 << 64) if v >= (1 << 63) else v


if __name__ == "__main__":
    print("derive(42, 'split')   =", signed(derive(42, "split")))
    print("derive(0, 'München')  =", signed(derive(0, "München")))
    print("derive(-1, 'a')       =", signed(derive(-1, "a")))
    print("derive(42,'a').derive('b') =", signed(derive(derive(42, "a"), "b")))
