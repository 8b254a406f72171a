/*
 * Baseline for the harness: Leaflet's stock way, one L.circleMarker per point on one canvas renderer (what the
 * overview did before pos-map.js painted the points itself), with the same entry points and timing attributes.
 */
window.coffeePosMapBaseline = {
  init: function (el) {
    var map = L.map(el, { preferCanvas: true, attributionControl: false });
    map.setView([55.75, 37.62], 4);
    el._baseline = { map: map, renderer: L.canvas({ padding: 0.5 }), markers: {}, colors: {} };
  },

  setMarkers: function (el, json) {
    var b = el._baseline;
    var started = performance.now();
    var data = JSON.parse(json);
    b.colors = data.colors;
    var group = L.featureGroup(data.points.map(function (p) {
      var m = L.circleMarker([p[1], p[2]], { renderer: b.renderer, radius: 6, weight: 1, color: '#263238',
        fillColor: data.colors[p[3]], fillOpacity: 0.9 });
      m.coffeeId = p[0];
      b.markers[p[0]] = m;
      return m;
    }));
    group.on('click', function (e) { el.$server.markerClicked(e.layer.coffeeId); });
    group.addTo(b.map);
    var bounds = group.getBounds();
    setTimeout(function () { b.map.fitBounds(bounds, { animate: false, padding: [20, 20] }); }, 0);
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        el.setAttribute('data-markers', String(data.points.length));
        el.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
        el.setAttribute('data-first-paint-ms', String(Math.round(performance.now())));
      });
    });
  },

  recolour: function (el, json) {
    var b = el._baseline;
    JSON.parse(json).forEach(function (p) {
      var m = b.markers[p[0]];
      if (m) {
        m.setStyle({ fillColor: b.colors[p[1]] });
      }
    });
  }
};
