// Qinglang's public forms (the report form, the tracking pages): solves the proof-of-work the platform asks for while
// a body's reports or receipt lookups are unusually many. Each form with a challenge (pow.ftlh's hidden fields) finds
// n such that SHA-256(token + ":" + n) starts with the given number of zero bits when it is sent, then sends itself.
// Served by the platform itself (no third party); without JavaScript the page explains what to do instead.
(function () {
  "use strict";
  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

  function utf8(text) {
    return Array.prototype.map.call(unescape(encodeURIComponent(text)), function (c) { return c.charCodeAt(0); });
  }

  // One SHA-256 compression: the 64-byte block of bytes at off into the state h (eight words), in place.
  var w = new Int32Array(64);
  function compress(h, bytes, off) {
    var i;
    for (i = 0; i < 16; i++) {
      var j = off + 4 * i;
      w[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
    }
    for (i = 16; i < 64; i++) {
      var x = w[i - 15], y = w[i - 2];
      var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (i = 0; i < 64; i++) {
      var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      var t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      var t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
  }

  var INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

  function zeroBits(words) {
    var n = 0;
    for (var i = 0; i < words.length; i++) {
      if (words[i] === 0) { n += 32; continue; }
      return n + Math.clz32(words[i]);
    }
    return n;
  }

  // Finds n, counting up from 0, so that SHA-256(prefix + n) starts with bits zero bits. The prefix's whole blocks
  // are hashed once; each try hashes only the last one or two, in buffers reused from try to try.
  function solve(token, bits, done) {
    var prefix = utf8(token + ":");
    var whole = prefix.length - prefix.length % 64, mid = new Int32Array(INITIAL), i;
    var head = new Uint8Array(prefix);
    for (i = 0; i < whole; i += 64) { compress(mid, head, i); }
    var rest = prefix.slice(whole), tail = new Uint8Array(128), h = new Int32Array(8), n = 0;
    for (i = 0; i < rest.length; i++) { tail[i] = rest[i]; }
    (function batch() {
      for (var end = n + 50000; n < end; n++) {
        var digits = String(n), length = rest.length;
        for (i = 0; i < digits.length; i++) { tail[length++] = digits.charCodeAt(i); }
        var blocks = length + 9 > 64 ? 2 : 1, bitLength = (whole + length) * 8;
        tail[length] = 0x80;
        for (i = length + 1; i < blocks * 64 - 4; i++) { tail[i] = 0; }
        tail[blocks * 64 - 4] = bitLength >>> 24; tail[blocks * 64 - 3] = bitLength >>> 16;
        tail[blocks * 64 - 2] = bitLength >>> 8; tail[blocks * 64 - 1] = bitLength;
        h.set(mid);
        compress(h, tail, 0);
        if (blocks === 2) { compress(h, tail, 64); }
        if (zeroBits(h) >= bits) { done(String(n)); return; }
      }
      setTimeout(batch, 0);
    })();
  }

  // A solved challenge opens one request: a form that leaves the page as it is (a file to download) asks the API for
  // a fresh challenge once it has been sent, so that it can be sent again.
  function renew(form, done) {
    var request = new XMLHttpRequest();
    request.open("GET", form.getAttribute("data-pow-renew"));
    request.onload = function () {
      var answer = request.status === 200 ? JSON.parse(request.responseText) : { required: false };
      form.elements.powToken.value = answer.required ? answer.token : "";
      form.elements.powToken.setAttribute("data-pow-bits", answer.required ? answer.difficultyBits : 0);
      form.elements.powSolution.value = "";
      done();
    };
    request.send();
  }

  function guard(form) {
    var token = form.elements.powToken, solution = form.elements.powSolution;
    var status = form.querySelector(".pow-status"), button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", function (event) {
      if (solution.value || !token.value) { return; }
      event.preventDefault();
      status.hidden = false;
      button.disabled = true;
      solve(token.value, parseInt(token.getAttribute("data-pow-bits"), 10), function (n) {
        solution.value = n;
        form.submit();
        if (form.hasAttribute("data-pow-renew")) {
          renew(form, function () { status.hidden = true; button.disabled = false; });
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[name=powToken]"), function (token) {
      guard(token.form);
    });
  });
})();
