// A line-by-line JavaScript port of snowballstemmer 3.1.1's basestemmer.py and among.py
// (Snowball 3.1.1 runtime for Python, https://snowballstem.org/, BSD-3-Clause: see LICENSE-snowball.txt).
// Only the operations that the ported Polish and Lithuanian stemmers use are carried over.
// Groupings are strings of letters (Python uses sets of one-letter strings); an among entry is
// [s, substring_i, result, method?] as in Python's Among. Strings are indexed by UTF-16 code unit:
// every letter these stemmers handle is in the Basic Multilingual Plane, so indexes equal Python's.

var StromSnowballBase = class {
  constructor() {
    this.setCurrent("");
  }

  setCurrent(value) {
    this.current = value;
    this.cursor = 0;
    this.limit = value.length;
    this.limit_backward = 0;
    this.bra = this.cursor;
    this.ket = this.limit;
  }

  getCurrent() {
    return this.current;
  }

  go_in_grouping(s) {
    while (this.cursor < this.limit) {
      if (!s.includes(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  }

  go_out_grouping(s) {
    while (this.cursor < this.limit) {
      if (s.includes(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  }

  eq_s_b(s) {
    if (this.cursor - this.limit_backward < s.length) return false;
    if (this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
    this.cursor -= s.length;
    return true;
  }

  find_among_b(v) {
    let i = 0;
    let j = v.length;
    const c = this.cursor;
    const lb = this.limit_backward;
    let common_i = 0;
    let common_j = 0;
    let first_key_inspected = false;
    while (true) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(common_i, common_j);
      const w = v[k];
      for (let i2 = w[0].length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) {
          diff = -1;
          break;
        }
        diff = this.current.charCodeAt(c - 1 - common) - w[0].charCodeAt(i2);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      const w = v[i];
      if (common_i >= w[0].length) {
        this.cursor = c - w[0].length;
        if (w[3] === undefined) return w[2];
        if (w[3].call(this)) {
          this.cursor = c - w[0].length;
          return w[2];
        }
      }
      i = w[1];
      if (i < 0) return 0;
    }
  }

  replace_s(c_bra, c_ket, s) {
    const adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  }

  slice_from(s) {
    this.replace_s(this.bra, this.ket, s);
    this.ket = this.bra + s.length;
  }

  slice_del() {
    this.slice_from("");
  }

  stemWord(word) {
    this.setCurrent(word);
    this._stem();
    return this.getCurrent();
  }
};
