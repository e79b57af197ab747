// The page's only parser-run script (allowed by its hash in the CSP; see vite-single-file-chunks.ts).
// Every chunk of the app sits in the page as a deflate-raw, base64 <script type="application/x-certbench-chunk">
// block, which the browser neither runs nor parses as JavaScript. This loader decompresses and runs a
// chunk (and the chunks it requires) when it is first needed: the start-up code first, an area's code
// when the area is opened, the PKI core for the decode worker when something is decoded.
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
  var manifest = JSON.parse(document.getElementById('certbench-chunks').textContent);
  var sources = new Map();
  var defined = new Set();

  function source(name) {
    var p = sources.get(name);
    if (!p) {
      var block = document.querySelector('script[data-chunk="' + name + '"]');
      if (!block) return Promise.reject(new Error('certbench: chunk ' + name + ' is missing from the page'));
      var b64 = block.textContent;
      var bytes = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), function (c) {
        return c.charCodeAt(0);
      });
      p = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
      sources.set(name, p);
      block.remove();
    }
    return p;
  }

  // The chunk and everything it requires, statically (`static`) or also through import() (`all`).
  function closure(name, all, out) {
    out = out || new Set();
    if (out.has(name)) return out;
    out.add(name);
    var entry = manifest[name];
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
    return define(Array.from(closure(name, false))).then(function () {
      return api.require(name);
    });
  };

  // Once the page is up, the other chunks are defined one per idle moment, so that opening an area
  // or decoding the first object does not wait for decompressing and compiling its code.
  function warmUp() {
    var idle = self.requestIdleCallback || function (f) { return setTimeout(f, 50); };
    var rest = Object.keys(manifest).filter(function (n) { return !defined.has(n) && n !== 'worker.js'; });
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
    var names = Array.from(closure(entry, true));
    names.forEach(function (n) { workerChunks.add(n); });
    return Promise.all(names.map(source)).then(function (texts) {
      var parts = ['(' + installRegistry.toString() + ')(self);\n'];
      for (var i = 0; i < texts.length; i++) parts.push(texts[i], '\n');
      parts.push('self.__certbench.require(' + JSON.stringify(entry) + ');\n');
      return URL.createObjectURL(new Blob(parts, { type: 'text/javascript' }));
    });
  };

  api.load('main.js').then(warmUp, function (e) {
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent =
      'certbench could not start: ' + (e && e.message ? e.message : String(e)) +
      '. It needs a current Chromium, Chrome, Edge or Firefox (ESR 115 or later).';
    (document.getElementById('app') || document.body).appendChild(p);
  });
})();
