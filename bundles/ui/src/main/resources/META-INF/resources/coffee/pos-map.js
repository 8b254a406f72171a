/*
 * Coffee Control overview map: Leaflet with one layer of our own that paints every point of sale in one canvas pass.
 * One L.circleMarker per POS cost 0.8-1.3 s for 10,000 of them (an object, a bounds and a path per marker, and
 * per-marker event plumbing); plain arrays and one path per colour paint them in a few tens of milliseconds, so
 * the overview's first paint stays within the 2 s the issue asks. Clicks and hover are hit-tested by the layer.
 * Driven by PosMap.java through executeJs; the markers come over HTTP (OverviewMarkersHandler); calls back with
 * el.$server.markersShown(version) / markersFailed(reason) / markerClicked(id).
 */
(function () {
  var RADIUS = 6;
  var STROKE = '#263238';
  var CELL = 2;

  /*
   * L.Renderer keeps a padded canvas in the overlay pane in place while panning and scales it during the zoom
   * animation; this layer only sizes, projects and paints. The points live in typed arrays indexed like the
   * server's list; px/py are their layer pixels at the zoom last drawn, which is what hit-testing compares with.
   */
  var PointsLayer = L.Renderer.extend({
    options: { padding: 0.5 },

    initialize: function (options) {
      L.Renderer.prototype.initialize.call(this, options);
      this.setPoints([], [], {}, []);
    },

    /** ids, lat/lng pairs (flat), colours by status name (best to worst), status index per point, names. */
    setPoints: function (ids, latLngs, colors, statuses, names) {
      var n = ids.length;
      this._ids = ids;
      this._names = names || [];
      this._status = new Uint8Array(n);
      this._order = Object.keys(colors);
      this._colors = this._order.map(function (s) { return colors[s]; });
      this._index = {};
      this._lat = new Float64Array(n);
      this._lng = new Float64Array(n);
      this._x0 = new Float64Array(n);
      this._y0 = new Float64Array(n);
      this._px = new Float64Array(n);
      this._py = new Float64Array(n);
      for (var i = 0; i < n; i++) {
        this._index[ids[i]] = i;
        this._lat[i] = latLngs[2 * i];
        this._lng[i] = latLngs[2 * i + 1];
        this._status[i] = Math.max(0, this._order.indexOf(statuses[i]));
      }
      this._projected = false;
      if (this._map) {
        this._update();
      }
    },

    count: function () {
      return this._ids.length;
    },

    indexOf: function (id) {
      var i = this._index[id];
      return i === undefined ? -1 : i;
    },

    statusOf: function (i) {
      return this._order[this._status[i]];
    },

    colourOf: function (i) {
      return this._colors[this._status[i]];
    },

    /** Changes one point's status; the caller asks for one redraw after a batch. */
    setStatus: function (i, status) {
      var s = this._order.indexOf(status);
      if (s >= 0) {
        this._status[i] = s;
      }
    },

    /** Repaints on the next animation frame, once however many changes came before it. */
    requestRedraw: function () {
      var self = this;
      if (this._map && !this._redrawRequest) {
        this._redrawRequest = L.Util.requestAnimFrame(function () {
          self._redrawRequest = null;
          self._draw();
        });
      }
    },

    latLngOf: function (i) {
      return L.latLng(this._lat[i], this._lng[i]);
    },

    /** The point nearest to a layer point within the marker's radius (and its outline), or -1. */
    hit: function (layerPoint) {
      var best = -1;
      var limit = (RADIUS + 2) * (RADIUS + 2);
      var px = this._px, py = this._py;
      // A linear scan over typed arrays takes well under a millisecond for 10,000 points: no index needed.
      for (var i = 0, n = this._ids.length; i < n; i++) {
        var dx = px[i] - layerPoint.x, dy = py[i] - layerPoint.y;
        var d = dx * dx + dy * dy;
        if (d <= limit) {
          limit = d;
          best = i;
        }
      }
      return best;
    },

    _initContainer: function () {
      this._container = document.createElement('canvas');
      this._ctx = this._container.getContext('2d');
    },

    _destroyContainer: function () {
      L.Util.cancelAnimFrame(this._redrawRequest);
      this._redrawRequest = null;
      L.DomUtil.remove(this._container);
      delete this._ctx;
      delete this._container;
    },

    _update: function () {
      if (this._map._animatingZoom && this._bounds) {
        return;
      }
      L.Renderer.prototype._update.call(this);
      var b = this._bounds, size = b.getSize(), m = L.Browser.retina ? 2 : 1;
      L.DomUtil.setPosition(this._container, b.min);
      if (!this._cells || this._container.width !== m * size.x || this._container.height !== m * size.y) {
        this._container.width = m * size.x;
        this._container.height = m * size.y;
        this._container.style.width = size.x + 'px';
        this._container.style.height = size.y + 'px';
        this._cells = new Int32Array(Math.ceil(size.x / CELL) * Math.ceil(size.y / CELL));
      }
      this._scale = m;
      this._project();
      // A fit fires viewreset and moveend (an _update each) right after new data: one paint for all of them, in the
      // frame they happen in.
      this.requestRedraw();
    },

    /* Pixels at zoom 0 once per data set; the CRS's transformation is linear in the zoom scale after that. */
    _project: function () {
      var map = this._map, n = this._ids.length, i, p;
      if (!this._projected) {
        for (i = 0; i < n; i++) {
          p = map.project([this._lat[i], this._lng[i]], 0);
          this._x0[i] = p.x;
          this._y0[i] = p.y;
        }
        this._projected = true;
      }
      var crs = map.options.crs, k = crs.scale(map.getZoom()) / crs.scale(0), origin = map.getPixelOrigin();
      for (i = 0; i < n; i++) {
        this._px[i] = this._x0[i] * k - origin.x;
        this._py[i] = this._y0[i] * k - origin.y;
      }
    },

    /*
     * One small pre-painted circle per status, stamped with drawImage: software canvases (headless, no GPU) fill one
     * path of thousands of arcs far slower than they copy a sprite. Worst status last, so it lies on top.
     */
    _draw: function () {
      var ctx = this._ctx, b = this._bounds;
      if (!ctx || !b || !this._cells) {
        return;
      }
      var m = this._scale, sprites = this._sprites(m), half = RADIUS + 1, side = 2 * half;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this._container.width, this._container.height);
      ctx.setTransform(m, 0, 0, m, -b.min.x * m, -b.min.y * m);
      var maxX = b.max.x, maxY = b.max.y, columns = Math.ceil((maxX - b.min.x) / CELL);
      var px = this._px, py = this._py, st = this._status, n = this._ids.length, cells = this._cells;
      // Dense clusters put many points of one colour on nearly the same pixel: one stamp per CELL-sized square and
      // status is indistinguishable from all of them and spares most of the copies at the zoom that shows the
      // whole fleet. The stamp numbers differ per paint and status, so the grid is never cleared.
      if (n) {
        timelineMark('coffee-draw-start');
      }
      var drawn = 0;
      var stamp = this._stamp = ((this._stamp || 0) + sprites.length) % 2000000000;
      for (var s = 0; s < sprites.length; s++) {
        var sprite = sprites[s], mark = stamp + s + 1;
        for (var i = 0; i < n; i++) {
          var x = px[i], y = py[i];
          if (st[i] !== s || x < b.min.x || x >= maxX || y < b.min.y || y >= maxY) {
            continue;
          }
          var cell = ((y - b.min.y) / CELL | 0) * columns + ((x - b.min.x) / CELL | 0);
          if (cells[cell] !== mark) {
            cells[cell] = mark;
            // Whole pixels: an unscaled, aligned copy is the canvas's fast path (no resampling).
            ctx.drawImage(sprite, Math.round(x) - half, Math.round(y) - half, side, side);
            drawn++;
          }
        }
      }
      // How many stamps the last paint made (the harness reports it next to the point count).
      this._drawn = drawn;
      if (n) {
        timelineMark('coffee-draw-end');
      }
    },

    _sprites: function (m) {
      if (this._spriteCache && this._spriteScale === m && this._spriteColors === this._colors) {
        return this._spriteCache;
      }
      var half = RADIUS + 1;
      this._spriteCache = this._colors.map(function (colour) {
        var canvas = document.createElement('canvas');
        canvas.width = canvas.height = 2 * half * m;
        var ctx = canvas.getContext('2d');
        ctx.scale(m, m);
        ctx.beginPath();
        ctx.arc(half, half, RADIUS, 0, 2 * Math.PI);
        ctx.globalAlpha = 0.9;
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.globalAlpha = 1;
        ctx.lineWidth = 1;
        ctx.strokeStyle = STROKE;
        ctx.stroke();
        return canvas;
      });
      this._spriteScale = m;
      this._spriteColors = this._colors;
      return this._spriteCache;
    }
  });

  /* The benchmark reads the first of each from the performance timeline to tell where the first paint's time goes. */
  function timelineMark(name) {
    if (performance.getEntriesByName(name, 'mark').length === 0) {
      performance.mark(name);
    }
  }

  function textNode(text) {
    var span = document.createElement('span');
    // textContent: a POS name is user input and must not become markup.
    span.textContent = text == null ? '' : String(text);
    return span;
  }

  /* The markers' payload as text; the page's head may have asked for it already (see AppShell), else ask now. */
  function markerText(url) {
    var early = window.coffeeOverviewMarkers;
    window.coffeeOverviewMarkers = null;
    if (early && early.url === url) {
      return early.text;
    }
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      return r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status));
    });
  }

  window.coffeePosMap = {
    /** url: where the markers come from (PosMap loads them after init); without it setMarkers fills the map. */
    init: function (el, tileUrl, url) {
      if (el._coffee) {
        return;
      }
      timelineMark('coffee-map-init');
      var map = L.map(el, { worldCopyJump: true, attributionControl: !!tileUrl });
      if (tileUrl) {
        L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
      }
      map.setView([55.75, 37.62], 4);
      var layer = new PointsLayer().addTo(map);
      var c = el._coffee = { map: map, layer: layer, hovered: -1, tooltip: L.tooltip({ direction: 'top', offset: [0, -RADIUS] }) };
      map.on('click', function (e) {
        var i = layer.hit(e.layerPoint);
        if (i >= 0) {
          el.$server.markerClicked(layer._ids[i]);
        }
      });
      map.on('mousemove', function (e) {
        coffeePosMap._hover(el, layer.hit(e.layerPoint));
      });
      map.on('mouseout zoomstart movestart', function () {
        coffeePosMap._hover(el, -1);
      });
      // The element is 0x0 at first render and changes size with the layout.
      new ResizeObserver(function () { map.invalidateSize({ animate: false }); }).observe(el);
      if (url) {
        coffeePosMap.load(el, url);
      }
    },

    /**
     * Fetches the markers, draws them and tells the server which version the map shows (it recolours from there);
     * if the fetch fails the server sends them through Vaadin's channel instead.
     */
    load: function (el, url) {
      markerText(url).then(function (text) {
        // Reported once on the screen: what the server does next (the lists, the figures) waits for the paint.
        coffeePosMap.setMarkers(el, text, true, function (version) {
          el.$server.markersShown(version);
        });
      }).catch(function (e) {
        el.$server.markersFailed(String(e && e.message || e));
      });
    },

    _hover: function (el, i) {
      var c = el._coffee;
      if (i === c.hovered) {
        return;
      }
      c.hovered = i;
      c.map.getContainer().style.cursor = i >= 0 ? 'pointer' : '';
      if (i < 0) {
        c.map.closeTooltip(c.tooltip);
        return;
      }
      c.tooltip.setLatLng(c.layer.latLngOf(i)).setContent(textNode(c.layer._names[i]));
      c.map.openTooltip(c.tooltip);
    },

    /**
     * json: {"v": version, "colors": {status: colour, ... best to worst}, "points": [[id, lat, lng, status], ...],
     * "names": [...]} (or each name as a point's fifth element); painted(version), if given, once they are on the
     * screen.
     */
    setMarkers: function (el, json, fit, painted) {
      var c = el._coffee;
      var started = performance.now();
      timelineMark('coffee-markers-received');
      var data = JSON.parse(json);
      var n = data.points.length, named = data.names;
      var ids = new Array(n), latLngs = new Float64Array(2 * n), statuses = new Array(n), names = new Array(n);
      var minLat = Infinity, minLng = Infinity, maxLat = -Infinity, maxLng = -Infinity;
      for (var i = 0; i < n; i++) {
        var p = data.points[i];
        ids[i] = p[0];
        latLngs[2 * i] = p[1];
        latLngs[2 * i + 1] = p[2];
        statuses[i] = p[3];
        names[i] = named ? named[i] : p[4];
        minLat = Math.min(minLat, p[1]);
        maxLat = Math.max(maxLat, p[1]);
        minLng = Math.min(minLng, p[2]);
        maxLng = Math.max(maxLng, p[2]);
      }
      coffeePosMap._hover(el, -1);
      c.layer.setPoints(ids, latLngs, data.colors, statuses, names);
      timelineMark('coffee-markers-parsed');
      var show = function () {
        if (fit && n) {
          c.map.invalidateSize({ animate: false });
          c.map.fitBounds(L.latLngBounds([minLat, minLng], [maxLat, maxLng]), { animate: false, padding: [20, 20] });
        }
        // The layer paints in the next frame; two frames later that paint is on the screen.
        requestAnimationFrame(function () {
          requestAnimationFrame(function () {
            timelineMark('coffee-markers-painted');
            el.setAttribute('data-markers', String(n));
            el.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
            if (!el.hasAttribute('data-first-paint-ms')) {
              el.setAttribute('data-first-paint-ms', String(Math.round(performance.now())));
            }
            if (painted) {
              painted(data.v);
            }
          });
        });
      };
      // Right after attach the container may still be 0x0: then fit once the layout has given it a size.
      if (el.clientWidth && el.clientHeight) {
        show();
      } else {
        setTimeout(show, 0);
      }
    },

    /** json: [[id, status], ...] of the points whose status changed. */
    recolour: function (el, json) {
      var layer = el._coffee.layer;
      JSON.parse(json).forEach(function (p) {
        var i = layer.indexOf(p[0]);
        if (i >= 0) {
          layer.setStatus(i, p[1]);
        }
      });
      layer.requestRedraw();
    },

    /** For tests: a POS marker's status, fill colour and position in the map element (pixels), or null. */
    marker: function (el, id) {
      var c = el._coffee;
      var i = c ? c.layer.indexOf(id) : -1;
      if (i < 0) {
        return null;
      }
      var p = c.map.latLngToContainerPoint(c.layer.latLngOf(i));
      return { status: c.layer.statusOf(i), fill: c.layer.colourOf(i), x: p.x, y: p.y };
    }
  };
})();
