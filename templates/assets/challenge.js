// Herald's signup challenge solver: no dependencies, no build step, served at /challenge.js.
//
// Every form with an <input name="altcha" data-challenge-url="…"> gets the challenge solved when
// a reader starts filling it in (or, at the latest, when it is sent). The challenge uses the
// payload format of the open ALTCHA protocol: find the number n in 0…maxnumber with
// SHA-256(salt + n) == challenge, then send base64(JSON {algorithm, challenge, number, salt,
// signature}). SHA-256 is computed here in plain JavaScript so the solver also works on pages
// served over plain HTTP, where crypto.subtle is missing.
(function () {
  "use strict";

  var K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ]);
  var W = new Int32Array(64);
  var H = new Int32Array(8);

  // SHA-256 of an ASCII string (the salt is ASCII), as eight 32-bit words.
  function sha256(text) {
    var length = text.length;
    var blocks = ((length + 8) >> 6) + 1;
    var words = new Int32Array(blocks * 16);
    for (var i = 0; i < length; i++) words[i >> 2] |= text.charCodeAt(i) << (24 - (i & 3) * 8);
    words[length >> 2] |= 0x80 << (24 - (length & 3) * 8);
    words[blocks * 16 - 1] = length * 8;
    H[0] = 0x6a09e667; H[1] = 0xbb67ae85; H[2] = 0x3c6ef372; H[3] = 0xa54ff53a;
    H[4] = 0x510e527f; H[5] = 0x9b05688c; H[6] = 0x1f83d9ab; H[7] = 0x5be0cd19;
    for (var block = 0; block < words.length; block += 16) {
      for (var t = 0; t < 64; t++) {
        if (t < 16) {
          W[t] = words[block + t];
        } else {
          var x = W[t - 15], y = W[t - 2];
          var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
          var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
          W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
        }
      }
      var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (t = 0; t < 64; t++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
    }
    return H;
  }

  function target(hex) {
    var words = new Int32Array(8);
    for (var i = 0; i < 8; i++) words[i] = parseInt(hex.substr(i * 8, 8), 16) | 0;
    return words;
  }

  // Finds the number, a slice at a time so the page stays responsive.
  function solve(challenge) {
    var goal = target(challenge.challenge);
    var started = Date.now();
    return new Promise(function (resolve, reject) {
      var n = 0;
      function slice() {
        var end = Math.min(n + 20000, challenge.maxnumber + 1);
        for (; n < end; n++) {
          var hash = sha256(challenge.salt + n);
          if (hash[0] === goal[0] && hash[1] === goal[1] && hash[2] === goal[2] && hash[3] === goal[3] &&
              hash[4] === goal[4] && hash[5] === goal[5] && hash[6] === goal[6] && hash[7] === goal[7]) {
            resolve({ number: n, took: Date.now() - started });
            return;
          }
        }
        if (n > challenge.maxnumber) reject(new Error("no solution"));
        else setTimeout(slice, 0);
      }
      slice();
    });
  }

  function expiry(salt) {
    var match = /[?&]expires=(\d+)/.exec(salt);
    return match ? parseInt(match[1], 10) * 1000 : Infinity;
  }

  var pending = null;
  var solved = null;

  // One solution per page: only one form is ever sent from it.
  function ensureSolved(url) {
    if (solved && solved.expires - Date.now() > 15000) return Promise.resolve(solved);
    if (pending) return pending;
    pending = fetch(url, { credentials: "omit", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("challenge: HTTP " + response.status);
        return response.json();
      })
      .then(function (challenge) {
        return solve(challenge).then(function (found) {
          var payload = btoa(JSON.stringify({
            algorithm: challenge.algorithm, challenge: challenge.challenge, number: found.number,
            salt: challenge.salt, signature: challenge.signature, took: found.took
          }));
          solved = { payload: payload, expires: expiry(challenge.salt), took: found.took };
          document.documentElement.setAttribute("data-herald-challenge-ms", String(found.took));
          var fields = document.querySelectorAll("input[name=altcha][data-challenge-url]");
          for (var i = 0; i < fields.length; i++) fields[i].value = payload;
          return solved;
        });
      })
      .finally(function () { pending = null; });
    return pending;
  }

  function status(form, text) {
    var line = form.querySelector("[data-challenge-status]");
    if (line) line.textContent = text;
  }

  function attach(form, field) {
    var url = field.getAttribute("data-challenge-url");
    form.addEventListener("focusin", function () { ensureSolved(url).catch(function () {}); });
    form.addEventListener("submit", function (event) {
      if (field.value && solved && solved.payload === field.value && solved.expires - Date.now() > 15000) return;
      event.preventDefault();
      var submitter = event.submitter || null;
      status(form, field.getAttribute("data-solving-text") || "");
      ensureSolved(url).then(
        function () {
          status(form, "");
          if (form.requestSubmit) form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
          else form.submit();
        },
        function () {
          // The server explains what went wrong on the page it answers with.
          status(form, "");
          field.value = "";
          form.submit();
        });
    });
  }

  function start() {
    var fields = document.querySelectorAll("input[name=altcha][data-challenge-url]");
    for (var i = 0; i < fields.length; i++) if (fields[i].form) attach(fields[i].form, fields[i]);
    // A form shown again after a refused submission is being filled in already.
    if (document.querySelector(".field-error, .suggestion") && fields.length) {
      ensureSolved(fields[0].getAttribute("data-challenge-url")).catch(function () {});
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
