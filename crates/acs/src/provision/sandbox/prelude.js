// GenieACS's script API over the sandbox's native functions (`__native`), installed once
// per QuickJS context. Evaluated as one expression statement.
(function (g) {
  const native = g.__native;
  delete g.__native;
  const STOP = Object.freeze({ stop: true });
  // sfc32: Math.random() repeats within a device's runs (replays must agree) and differs
  // between devices; the seed mixes a secret of the installation, so it cannot be guessed
  // from the device id.
  const rng = { a: 0, b: 0, c: 0, d: 0 };
  Math.random = function () {
    rng.a |= 0; rng.b |= 0; rng.c |= 0; rng.d |= 0;
    const t = (((rng.a + rng.b) | 0) + rng.d) | 0;
    rng.d = (rng.d + 1) | 0;
    rng.a = rng.b ^ (rng.b >>> 9);
    rng.b = (rng.c + (rng.c << 3)) | 0;
    rng.c = (rng.c << 21) | (rng.c >>> 11);
    rng.c = (rng.c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  g.__begin = function (args, a, b, c, d) {
    g.args = JSON.parse(args);
    rng.a = a; rng.b = b; rng.c = c; rng.d = d;
    for (let i = 0; i < 12; i++) Math.random();
  };
  // Time is the session's: Date.now() and new Date() without arguments give it, and
  // Date.now(interval[, variance]) the start of the device's current staggered bucket.
  // Both are answered natively, which records what a run asked for (see memo.rs).
  Date.now = function (interval, variance) {
    return native.now(interval, variance);
  };
  const RealDate = Date;
  g.Date = new Proxy(RealDate, {
    construct: function (target, list, newTarget) {
      if (list.length === 0) return new RealDate(native.now(undefined, undefined));
      return Reflect.construct(target, list, newTarget);
    },
  });
  g.log = function () {
    native.log(Array.prototype.map.call(arguments, String).join(" "));
  };
  g.clear = function (path, timestamp) {
    native.clear(JSON.stringify([path, timestamp === undefined ? native.now(undefined, undefined) : timestamp]));
  };
  g.commit = function () {
    if (!native.commit()) throw STOP;
  };
  g.ext = function () {
    const answer = native.ext(JSON.stringify(Array.prototype.slice.call(arguments)));
    if (answer === null) throw STOP;
    const parsed = JSON.parse(answer);
    if ("error" in parsed) throw new Error(parsed.error);
    return parsed.result;
  };
  // Reading what a declaration returned commits implicitly, as in GenieACS: the script
  // sees values fetched for it, never the gaps of a first run. What matched is described
  // only when read: most declarations of a satisfied script never are.
  function Declared(index) {
    this.index = index;
    this.found = null;
  }
  const load = function (d) {
    if (d.found === null) {
      if (!native.commit()) throw STOP;
      d.found = JSON.parse(native.describe(d.index));
    }
    return d.found;
  };
  for (const key of ["path", "value", "writable", "object", "notification", "accessList"]) {
    Object.defineProperty(Declared.prototype, key, {
      get: function () {
        const f = load(this)[0];
        return f === undefined ? undefined : f[key];
      },
    });
  }
  Object.defineProperty(Declared.prototype, "size", {
    get: function () { return load(this).length; },
  });
  Declared.prototype[Symbol.iterator] = function* () {
    for (const f of load(this)) yield f;
  };
  g.declare = function (path, timestamps, values) {
    return new Declared(native.declare(String(path), timestamps, values));
  };
})(globalThis);
