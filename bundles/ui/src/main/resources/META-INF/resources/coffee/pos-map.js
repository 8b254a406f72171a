/*
 * Coffee Control overview map: Leaflet with one canvas renderer for every marker (10,000 DOM markers would not
 * paint within the 2 s the overview promises). Driven by PosMap.java through executeJs; calls back with
 * el.$server.markerClicked(id).
 */
window.coffeePosMap = {
  init: function (el, tileUrl) {
    if (el._coffee) {
      return;
    }
    var map = L.map(el, { preferCanvas: true, worldCopyJump: true, attributionControl: !!tileUrl });
    if (tileUrl) {
      L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    }
    map.setView([55.75, 37.62], 4);
    el._coffee = { map: map, renderer: L.canvas({ padding: 0.5 }), layer: null, markers: {}, colors: {} };
    // The element is 0x0 at first render and changes size with the layout.
    new ResizeObserver(function () { map.invalidateSize({ animate: false }); }).observe(el);
  },

  setMarkers: function (el, json, fit) {
    var c = el._coffee;
    var started = performance.now();
    var data = JSON.parse(json);
    c.colors = data.colors;
    if (c.layer) {
      c.map.removeLayer(c.layer);
    }
    c.markers = {};
    var markers = new Array(data.points.length);
    var lats = [], lngs = [];
    for (var i = 0; i < data.points.length; i++) {
      var p = data.points[i];
      var m = L.circleMarker([p[1], p[2]], {
        renderer: c.renderer, radius: 6, weight: 1, color: '#263238', fillColor: c.colors[p[3]], fillOpacity: 0.9
      });
      m.coffeeId = p[0];
      m.coffeeStatus = p[3];
      m.coffeeName = p[4];
      c.markers[p[0]] = m;
      markers[i] = m;
      lats.push(p[1]);
      lngs.push(p[2]);
    }
    c.layer = L.featureGroup(markers);
    c.layer.on('click', function (e) {
      var m = e.layer;
      el.$server.markerClicked(m.coffeeId);
    });
    c.layer.on('mouseover', function (e) {
      if (!e.layer.getTooltip()) {
        e.layer.bindTooltip(e.layer.coffeeName);
      }
      e.layer.openTooltip();
    });
    c.layer.addTo(c.map);
    if (fit && lats.length) {
      var b = L.latLngBounds([Math.min.apply(null, lats), Math.min.apply(null, lngs)],
        [Math.max.apply(null, lats), Math.max.apply(null, lngs)]);
      // Deferred: right after attach the container may still be 0x0.
      setTimeout(function () { c.map.invalidateSize({ animate: false }); c.map.fitBounds(b, { animate: false, padding: [20, 20] }); }, 0);
    }
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        el.setAttribute('data-markers', String(markers.length));
        el.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
        if (!el.hasAttribute('data-first-paint-ms')) {
          el.setAttribute('data-first-paint-ms', String(Math.round(performance.now())));
        }
      });
    });
  },

  recolour: function (el, json) {
    var c = el._coffee;
    JSON.parse(json).forEach(function (p) {
      var m = c.markers[p[0]];
      if (m) {
        m.coffeeStatus = p[1];
        m.setStyle({ fillColor: c.colors[p[1]] });
      }
    });
  },

  /** For tests: the status and fill colour of a POS's marker. */
  marker: function (el, id) {
    var m = el._coffee && el._coffee.markers[id];
    return m ? { status: m.coffeeStatus, fill: m.options.fillColor } : null;
  }
};
