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

  // windows-1252 reads bytes 0x80-0x9F as these characters (the other 224 bytes as U+0000-U+00FF);
  // back to bytes by this table. The build escaped NUL, CR, '<' and the escape '=' as '=' + A-D.
  var CP1252 = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
    0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];
  var UNESCAPE = { A: 0x00, B: 0x0d, C: 0x3c, D: 0x3d };
  function unpackBytes(text) {
    var byChar = new Uint8Array(0x2200);
    for (var b = 0; b < 256; b++) byChar[b] = b;
    for (var k = 0; k < 32; k++) byChar[CP1252[k]] = 0x80 + k;
    var out = new Uint8Array(text.length);
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c === 0x3d) out[n++] = UNESCAPE[text.charAt(++i)];
      else out[n++] = byChar[c];
    }
    return out.subarray(0, n);
  }

  // The whole stream, inflated once: the manifest's line, then every chunk's UTF-8 bytes at its offsets.
  var pack = document.getElementById('certbench-pack');
  var decoder = new TextDecoder();
  var manifest;
  var unpacked = new Response(new Blob([unpackBytes(pack.textContent)]).stream().pipeThrough(new DecompressionStream('deflate-raw')))
    .arrayBuffer()
    .then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var line = bytes.indexOf(0x0a);
      manifest = JSON.parse(decoder.decode(bytes.subarray(0, line)));
      chunks = manifest.chunks;
      return bytes.subarray(line + 1);
    });

  function slice(at) {
    return unpacked.then(function (bytes) {
      return decoder.decode(bytes.subarray(at[0], at[1]));
    });
  }

  function source(name) {
    var p = texts.get(name);
    if (!p) {
      p = unpacked.then(function () {
        if (!chunks[name]) throw new Error('certbench: chunk ' + name + ' is missing from the page');
        return slice(chunks[name].at);
      });
      texts.set(name, p);
    }
    return p;
  }

  // The stylesheet, before any chunk renders ('unsafe-inline' styles are allowed; scripts are not).
  var styled = unpacked.then(function () {
    return slice(manifest.css);
  }).then(function (css) {
    var style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
  });

  // The chunk and everything it requires, statically (`static`) or also through import() (`all`).
  function closure(name, all, out) {
    out = out || new Set();
    if (out.has(name)) return out;
    out.add(name);
    var entry = chunks[name];
    var next = all ? entry.imports.concat(entry.dynamic) : entry.imports;
    for (var i = 0; i < next.length; i++) closure(next[i], all, out);
    return out;
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
    return unpacked.then(function () {
      return define(Array.from(closure(name, false)));
    }).then(function () {
      return api.require(name);
    });
  };

  // Once the page is up, the other chunks are defined one per idle moment, so that opening an area
  // or decoding the first object does not wait for decompressing and compiling its code.
  function warmUp() {
    var idle = self.requestIdleCallback || function (f) { return setTimeout(f, 50); };
    var rest = Object.keys(chunks).filter(function (n) { return !defined.has(n) && n !== 'worker.js'; });
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

  api.workerUrl = function (entry) {
    return unpacked.then(function () {
      var names = Array.from(closure(entry, true));
      names.forEach(function (n) { workerChunks.add(n); });
      return Promise.all(names.map(source));
    }).then(function (texts) {
      var parts = ['(' + installRegistry.toString() + ')(self);\n'];
      for (var i = 0; i < texts.length; i++) parts.push(texts[i], '\n');
      parts.push('self.__certbench.require(' + JSON.stringify(entry) + ');\n');
      return URL.createObjectURL(new Blob(parts, { type: 'text/javascript' }));
    });
  };

  styled.then(function () {
    return api.load('main.js');
  }).then(warmUp, function (e) {
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent =
      'certbench could not start: ' + (e && e.message ? e.message : String(e)) +
      '. It needs a current Chromium, Chrome, Edge or Firefox (ESR 115 or later).';
    (document.getElementById('app') || document.body).appendChild(p);
  });
})();
