// The page's only parser-run script (allowed by its hash in the CSP; see vite-single-file-chunks.ts).
// The app's stylesheet and chunks sit in the page as ONE deflate-raw stream, stored byte for byte in a
// <script type="application/x-certbench-chunk"> block (the page is windows-1252: one character per
// byte), which the browser neither runs nor parses as JavaScript. This loader inflates the stream once
// and runs a chunk (and the chunks it requires) when it is first needed: the start-up code first, an
// area's code when the area is opened, the PKI core for the decode worker when something is decoded.
// It must stay ASCII (the build checks): the page is read as windows-1252.
(function () {
  'use strict';

  // A CommonJS-style registry: chunks define factories; require runs one once and keeps its exports.
  // The same function text installs the registry inside the decode worker.
  function installRegistry(scope) {
    var factories = new Map();
    var modules = new Map();
    function nameOf(spec) {
      return spec.replace(/^\.\//, '');
    }
    function require(spec) {
      var name = nameOf(spec);
      var m = modules.get(name);
      if (m) return m.exports;
      var factory = factories.get(name);
      if (!factory) throw new Error('certbench: chunk ' + name + ' is not loaded');
      m = { exports: {} };
      modules.set(name, m);
      factory.call(undefined, require, m, m.exports);
      return m.exports;
    }
    var api = scope.__certbench || (scope.__certbench = {});
    api.define = function (name, factory) {
      factories.set(name, factory);
    };
    api.require = require;
    // In a worker every chunk it can reach is already defined.
    api.load = function (spec) {
      return Promise.resolve().then(function () {
        return require(spec);
      });
    };
    api.nameOf = nameOf;
    return api;
  }

  var api = installRegistry(self);
  // What the stream holds (its first line, JSON): the stylesheet's and each chunk's place and imports.
  var chunks;
  var texts = new Map();
  var defined = new Set();

  var decoder = new TextDecoder();
  var manifest;
  // windows-1252 reads bytes 0x80-0x9F as these characters (the other 224 bytes as U+0000-U+00FF);
  // back to bytes by this table. The build escaped NUL, CR, '<' and the escape '=' as '=' + A-D.
  var CP1252 = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
    0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];
  var UNESCAPE = { A: 0x00, B: 0x0d, C: 0x3c, D: 0x3d };
  var byChar = new Uint8Array(0x2200);
  for (var b = 0; b < 256; b++) byChar[b] = b;
  for (var k = 0; k < 32; k++) byChar[CP1252[k]] = 0x80 + k;
  // The packed characters [from, to) as bytes; an escape is never cut (the caller ends a slice after its letter).
  function unpackBytes(text, from, to) {
    var bytes = new Uint8Array(to - from);
    var n = 0;
    for (var i = from; i < to; i++) {
      var c = text.charCodeAt(i);
      if (c === 0x3d) bytes[n++] = UNESCAPE[text.charAt(++i)];
      else bytes[n++] = byChar[c];
    }
    return bytes.subarray(0, n);
  }

  // The stream is inflated as far as someone needs it, one slice of the page's text at a time: the
  // start-up chunks come first in it, so the first screen waits for unpacking and inflating about a
  // tenth of the page, not all of it; the rest follows when an area, a language or the worker asks for it, or
  // while the page is idle (warmUp). Before start-up the slices follow each other directly; after it,
  // each slice is its own task, so that inflating never holds the page for long.
  var SLICE = 32768;
  var packed = document.getElementById('certbench-pack').textContent;
  var inflater = new DecompressionStream('deflate-raw');
  var writer = inflater.writable.getWriter();
  var reader = inflater.readable.getReader();
  var fed = 0;
  var feeding = false;
  var urgent = true;
  // Inflated bytes so far (a buffer that grows), the manifest line's end, and who waits for how many bytes.
  var out = new Uint8Array(packed.length * 4);
  var have = 0;
  var body = -1;
  var ended = false;
  var failed = null;
  var waiting = [];
  var manifestReady = {};
  manifestReady.promise = new Promise(function (resolve, reject) {
    manifestReady.resolve = resolve;
    manifestReady.reject = reject;
  });

  function settle() {
    if (body < 0) {
      var line = out.subarray(0, have).indexOf(0x0a);
      if (line >= 0) {
        body = line + 1;
        try {
          manifest = JSON.parse(decoder.decode(out.subarray(0, line)));
          chunks = manifest.chunks;
          manifestReady.resolve();
        } catch (e) {
          failed = e;
        }
      }
    }
    if (failed) manifestReady.reject(failed);
    waiting = waiting.filter(function (w) {
      if (failed) w.reject(failed);
      else if (body >= 0 && have >= body + w.end) w.resolve();
      else if (ended) w.reject(new Error('certbench: the page\'s packed code ends early'));
      else return true;
      return false;
    });
    feed();
  }

  function readNext() {
    reader.read().then(function (r) {
      if (r.done) {
        ended = true;
      } else {
        if (have + r.value.length > out.length) {
          var grown = new Uint8Array(Math.max(out.length * 2, have + r.value.length));
          grown.set(out.subarray(0, have));
          out = grown;
        }
        out.set(r.value, have);
        have += r.value.length;
        readNext();
      }
      settle();
    }, function (e) {
      failed = e;
      settle();
    });
  }

  function feed() {
    if (feeding || failed || fed >= packed.length || (body >= 0 && waiting.length === 0)) return;
    feeding = true;
    var to = Math.min(packed.length, fed + SLICE);
    if (packed.charCodeAt(to - 1) === 0x3d) to++;
    var bytes = unpackBytes(packed, fed, to);
    fed = to;
    writer.write(bytes).then(function () {
      if (fed >= packed.length) writer.close().catch(function () {});
      feeding = false;
      if (urgent) feed();
      else setTimeout(feed, 0);
    }, function (e) {
      failed = e;
      settle();
    });
  }

  // The stream's bytes [0, end) after the manifest's line, once inflated.
  function inflated(end) {
    return manifestReady.promise.then(function () {
      return new Promise(function (resolve, reject) {
        waiting.push({ end: end, resolve: resolve, reject: reject });
        settle();
      });
    });
  }
  readNext();
  feed();

  // A part of the stream (its [start, end) after the manifest's line) as bytes, or as text.
  function bytesAt(at) {
    return inflated(at[1]).then(function () {
      return out.subarray(body + at[0], body + at[1]);
    });
  }
  function slice(at) {
    return bytesAt(at).then(function (bytes) {
      return decoder.decode(bytes);
    });
  }
  function known(name) {
    return manifestReady.promise.then(function () {
      if (!chunks[name]) throw new Error('certbench: chunk ' + name + ' is missing from the page');
      return chunks[name].at;
    });
  }

  function source(name) {
    var p = texts.get(name);
    if (!p) {
      p = known(name).then(slice);
      texts.set(name, p);
    }
    return p;
  }

  // The stylesheet, before any chunk renders ('unsafe-inline' styles are allowed; scripts are not).
  var styled = manifestReady.promise.then(function () {
    return slice(manifest.css);
  }).then(function (css) {
    var style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
  });

  // The chunk and everything it requires, statically (`static`) or also through import() (`all`).
  function closure(name, all, into) {
    into = into || new Set();
    if (into.has(name)) return into;
    into.add(name);
    var entry = chunks[name];
    var next = all ? entry.imports.concat(entry.dynamic) : entry.imports;
    for (var i = 0; i < next.length; i++) closure(next[i], all, into);
    return into;
  }

  // Defining a chunk compiles it (its factory runs later, on first require).
  function define(names) {
    return Promise.all(names.map(source)).then(function (texts) {
      for (var i = 0; i < names.length; i++) {
        if (defined.has(names[i])) continue;
        defined.add(names[i]);
        // An inline script runs as it is inserted; its hash is in the page's CSP.
        var script = document.createElement('script');
        script.textContent = texts[i];
        document.head.appendChild(script);
        script.remove();
      }
    });
  }

  api.load = function (spec) {
    var name = api.nameOf(spec);
    return manifestReady.promise.then(function () {
      return define(Array.from(closure(name, false)));
    }).then(function () {
      return api.require(name);
    });
  };

  // Once the page is up, the other chunks are defined one per idle moment, so that opening an area
  // or decoding the first object does not wait for decompressing and compiling its code. Not the
  // other languages' texts (570 KB of code compiled for nothing, each a long task while a big input's
  // rows stream in): a language's chunk is compiled when it is chosen.
  function warmUp() {
    var idle = self.requestIdleCallback || function (f) { return setTimeout(f, 50); };
    var rest = Object.keys(chunks).filter(function (n) { return !defined.has(n) && n !== 'worker.js' && !chunks[n].language; });
    (function next() {
      var name = rest.shift();
      if (name) idle(function () { define([name]).then(next, next); });
    })();
  }

  // The About panel's network check, watched from the moment the page opens: every resource it
  // fetched (an observer keeps what the timing buffer, 250 entries, would drop) and every request or
  // script the Content-Security-Policy refused (refusals leave no resource entry).
  var fetched = [];
  var refused = [];
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        fetched.push(e.name);
      });
    }).observe({ type: 'resource', buffered: true });
  } catch (e) {
    fetched = null;
  }
  document.addEventListener('securitypolicyviolation', function (e) {
    refused.push({ directive: e.effectiveDirective || e.violatedDirective, url: e.blockedURI || '' });
  });
  api.requests = function () {
    return { fetched: fetched ? fetched.slice() : performance.getEntriesByType('resource').map(function (e) { return e.name; }), refused: refused.slice() };
  };

  // The About panel's self-check: the text of every chunk this page has run, here or in a worker
  // made by workerUrl, to hash against the CSP.
  var workerChunks = new Set();
  api.ran = function () {
    var names = Array.from(defined).concat(Array.from(workerChunks).filter(function (n) { return !defined.has(n); }));
    return Promise.all(names.map(source)).then(function (texts) {
      return names.map(function (name, i) {
        return { name: name, text: texts[i], page: defined.has(name), worker: workerChunks.has(name) };
      });
    });
  };

  // The worker's script is made of the chunks' inflated UTF-8 bytes as they are (no text in between).
  api.workerUrl = function (entry) {
    return manifestReady.promise.then(function () {
      var names = Array.from(closure(entry, true));
      names.forEach(function (n) { workerChunks.add(n); });
      return Promise.all(names.map(function (n) { return bytesAt(chunks[n].at); }));
    }).then(function (codes) {
      var parts = ['(' + installRegistry.toString() + ')(self);\n'];
      for (var i = 0; i < codes.length; i++) parts.push(codes[i], '\n');
      parts.push('self.__certbench.require(' + JSON.stringify(entry) + ');\n');
      return URL.createObjectURL(new Blob(parts, { type: 'text/javascript' }));
    });
  };

  // The start-up chunks' texts are asked for at once, so that inflating goes on while the stylesheet is applied.
  var startup = manifestReady.promise.then(function () {
    return Promise.all(Array.from(closure('main.js', false)).map(source));
  });
  Promise.all([styled, startup]).then(function () {
    return api.load('main.js');
  }).then(function () {
    urgent = false;
    warmUp();
  }, function (e) {
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent =
      'certbench could not start: ' + (e && e.message ? e.message : String(e)) +
      '. It needs a current Chromium, Chrome, Edge or Firefox (ESR 115 or later).';
    (document.getElementById('app') || document.body).appendChild(p);
  });
})();
