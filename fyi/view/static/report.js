// FYI report pages: toggles of the scene page, the frame viewer, the dataset grid's filters and pages.
// Plain JavaScript, no library, no network: the data is JSON inlined in the page.
(function () {
  "use strict";

  function inlined(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // --- scene page: which pass shows, masks and boxes on or off --------------------------------
  var views = document.getElementById("views");
  if (views) {
    views.querySelectorAll('input[name="pass"]').forEach(function (radio) {
      radio.addEventListener("change", function () {
        views.classList.remove("pass-rgb", "pass-depth", "pass-normal");
        views.classList.add("pass-" + radio.value);
      });
    });
    [["toggle-masks", "show-masks"], ["toggle-boxes", "show-boxes"]].forEach(function (pair) {
      var box = document.getElementById(pair[0]);
      if (!box) return;
      var apply = function () { views.classList.toggle(pair[1], box.checked); };
      box.addEventListener("change", apply);
      apply();
    });
  }

  // --- scene page: frames, flow and point tracks ----------------------------------------------
  var motion = inlined("frames-data");
  var slider = document.getElementById("frame-slider");
  if (motion && slider && motion.frames.length) {
    var svgNS = "http://www.w3.org/2000/svg";
    var tracksSvg = document.getElementById("tracks");
    var points = (motion.tracks && motion.tracks.points) || [];
    var dots = points.map(function (p) {
      // The whole visible path, faint, then a dot where the point is in the shown frame.
      var line = document.createElementNS(svgNS, "polyline");
      line.setAttribute("points", p.xy.filter(Boolean).map(function (q) { return q.join(","); }).join(" "));
      line.setAttribute("stroke", p.colour);
      tracksSvg.appendChild(line);
      var dot = document.createElementNS(svgNS, "circle");
      dot.setAttribute("r", motion.tracks.radius || 2);
      dot.setAttribute("fill", p.colour);
      tracksSvg.appendChild(dot);
      return dot;
    });
    var show = function (k) {
      var frame = motion.frames[k];
      document.getElementById("frame-rgb").src = frame.rgb;
      var flow = document.getElementById("frame-flow");
      if (flow && frame.flow) flow.src = frame.flow;
      document.getElementById("frame-number").textContent = frame.i;
      dots.forEach(function (dot, i) {
        var q = points[i].xy[k];
        dot.style.display = q ? "" : "none";
        if (q) { dot.setAttribute("cx", q[0]); dot.setAttribute("cy", q[1]); }
      });
    };
    slider.addEventListener("input", function () { show(Number(slider.value)); });
    show(0);
  }

  // --- dataset page: filtered, paginated grid -------------------------------------------------
  var grid = document.getElementById("grid");
  var index = inlined("fyi-data");
  if (grid && index) {
    var page = 0;
    var value = function (id) { return document.getElementById(id).value; };
    var matches = function (s) {
      var text = value("filter-text").toLowerCase();
      var warnings = value("filter-warnings");
      return (!value("filter-category") || s.categories.indexOf(value("filter-category")) >= 0) &&
        (!value("filter-room") || s.room === value("filter-room")) &&
        (!value("filter-status") || s.status === value("filter-status")) &&
        (!warnings || (warnings === "with") === (s.warnings > 0)) &&
        (!text || (s.id + " " + s.instruction).toLowerCase().indexOf(text) >= 0);
    };
    var card = function (s) {
      var shown = s.status === "done";
      var el = document.createElement(shown ? "a" : "div");
      el.className = "card status-" + s.status;
      el.dataset.id = s.id;
      if (shown) el.href = "scenes/" + encodeURIComponent(s.id) + "/index.html";
      if (shown && s.thumb) {
        var img = document.createElement("img");
        img.src = s.thumb;
        img.alt = s.id;
        img.loading = "lazy";
        el.appendChild(img);
      } else {
        var reason = document.createElement("p");
        reason.className = "error";
        reason.textContent = s.error || s.status;
        el.appendChild(reason);
      }
      var title = document.createElement("h3");
      title.textContent = s.id;
      el.appendChild(title);
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = [s.status, s.objects !== null ? s.objects + " objects" : "", s.room !== "none" ? s.room : "",
        s.warnings ? s.warnings + " warnings" : ""].filter(Boolean).join(" · ");
      el.appendChild(meta);
      var text = document.createElement("p");
      text.className = "instruction";
      text.textContent = s.instruction;
      el.appendChild(text);
      return el;
    };
    var render = function () {
      var found = index.scenes.filter(matches);
      var pages = Math.max(1, Math.ceil(found.length / index.pageSize));
      page = Math.min(page, pages - 1);
      var cards = document.createDocumentFragment();
      found.slice(page * index.pageSize, (page + 1) * index.pageSize).forEach(function (s) { cards.appendChild(card(s)); });
      grid.replaceChildren(cards);
      document.getElementById("match-count").textContent = found.length + " of " + index.scenes.length + " scenes";
      document.getElementById("page-number").textContent = "page " + (page + 1) + " of " + pages;
      document.getElementById("page-prev").disabled = page === 0;
      document.getElementById("page-next").disabled = page >= pages - 1;
    };
    ["filter-category", "filter-room", "filter-status", "filter-warnings", "filter-text"].forEach(function (id) {
      document.getElementById(id).addEventListener("input", function () { page = 0; render(); });
    });
    document.getElementById("page-prev").addEventListener("click", function () { page -= 1; render(); });
    document.getElementById("page-next").addEventListener("click", function () { page += 1; render(); });
    render();
  }
})();
