// Maps on the initiatives list, an initiative's page and the submit form (Web/Shared/_Map.cshtml), drawn with Leaflet.
// Progressive enhancement: every page says in text what the map shows (the list, the neighbourhood, the select), and
// the map sections stay hidden without this script. Tiles come from the configured URL; without one the neighbourhood
// polygons and markers are drawn on a blank background. Keyboard: Leaflet pans with the arrow keys and zooms with +/-;
// markers are focusable buttons named by their title; the picker has buttons to choose the centre or remove the place.
(function () {
  'use strict';
  if (!window.L) return;

  document.querySelectorAll('[data-map]').forEach(function (element) {
    var section = element.closest('[data-map-section]');
    if (section) section.hidden = false;
    element.hidden = false;
    draw(element);
  });

  function draw(element) {
    var data = element.dataset;
    var b = data.bounds.split(',').map(Number); // south, west, north, east
    var bounds = L.latLngBounds([b[0], b[1]], [b[2], b[3]]);
    var map = L.map(element, { keyboard: true, zoomControl: false, maxBounds: bounds.pad(0.5), minZoom: 10 });
    L.control.zoom({ zoomInTitle: data.textZoomIn, zoomOutTitle: data.textZoomOut }).addTo(map);
    map.fitBounds(bounds);
    if (data.tiles) {
      L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
    }

    var statuses = JSON.parse(data.statuses || '{}');
    var neighbourhoods = null;
    var ready = getJson(data.neighbourhoods).then(function (collection) {
      neighbourhoods = collection;
      // Not interactive: a click on a polygon is a click on the map (the picker needs it), and the names are labels.
      L.geoJSON(collection, {
        interactive: false,
        style: { color: '#154273', weight: 2, fillColor: '#154273', fillOpacity: 0.06 },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(feature.properties.name, { permanent: true, direction: 'center', className: 'map__label', interactive: false });
        }
      }).addTo(map);
    });

    if (data.map === 'list' && data.initiatives) {
      getJson(data.initiatives).then(function (collection) {
        collection.features.forEach(function (feature) {
          var p = feature.properties;
          var c = feature.geometry.coordinates;
          var label = p.title + ' (' + (statuses[p.status] || p.status) + ')';
          var marker = L.marker([c[1], c[0]], { title: label, alt: label, keyboard: true }).addTo(map);
          marker.bindPopup(link(p.trackingCode, p.title, statuses[p.status] || p.status));
          marker.getElement().setAttribute('data-code', p.trackingCode);
        });
      });
    } else if (data.map === 'initiative' && data.lat) {
      var point = [Number(data.lat), Number(data.lon)];
      L.marker(point, { title: data.markerLabel, alt: data.markerLabel, keyboard: true }).addTo(map);
      map.setView(point, 15);
    } else if (data.map === 'picker') {
      picker(element, map, function () { return neighbourhoods; }, ready);
    }
  }

  function picker(element, map, neighbourhoods, ready) {
    var form = element.closest('form');
    var lat = form.querySelector('[data-map-lat]');
    var lon = form.querySelector('[data-map-lon]');
    var status = form.querySelector('[data-map-status]');
    var select = form.querySelector('select[name="Form.Neighbourhood"]');
    var label = element.dataset.markerLabel;
    var marker = null;

    function say(key, name) {
      status.textContent = status.getAttribute('data-text-' + key).replace('{buurt}', name || '');
    }

    function place(latlng, announce) {
      // Six decimals are about 10 cm: more than a click can tell, and the same text the server reads back.
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      if (marker) marker.setLatLng(latlng);
      else marker = L.marker(latlng, { title: label, alt: label, keyboard: true }).addTo(map);
      var found = within(neighbourhoods(), latlng);
      if (found && select) select.value = found.properties.code;
      if (announce) {
        if (found) say('chosen', found.properties.name);
        else say('outside');
      }
    }

    map.on('click', function (event) { place(event.latlng, true); });
    form.querySelector('[data-map-centre]').addEventListener('click', function () { place(map.getCenter(), true); });
    form.querySelector('[data-map-remove]').addEventListener('click', function () {
      lat.value = '';
      lon.value = '';
      if (marker) { marker.remove(); marker = null; }
      say('removed');
    });

    // Sent back with an error: show the point the resident had chosen.
    if (lat.value && lon.value) {
      ready.then(function () {
        place(L.latLng(Number(lat.value), Number(lon.value)), false);
        map.setView(marker.getLatLng(), 14);
      });
    } else {
      say('none');
    }
  }

  function within(collection, latlng) {
    if (!collection) return null;
    for (var i = 0; i < collection.features.length; i++) {
      var ring = collection.features[i].geometry.coordinates[0];
      if (inRing(ring, latlng.lng, latlng.lat)) return collection.features[i];
    }
    return null;
  }

  // Crossing count, as Participation.Initiatives.Geography.GeoPolygon does on the server (which decides).
  function inRing(ring, x, y) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < xi + (y - yi) * (xj - xi) / (yj - yi)) inside = !inside;
    }
    return inside;
  }

  function link(code, title, status) {
    var box = document.createElement('div');
    var a = document.createElement('a');
    a.className = 'utrecht-link';
    a.href = '/initiatieven/' + encodeURIComponent(code);
    a.textContent = title;
    var state = document.createElement('p');
    state.className = 'utrecht-paragraph';
    state.textContent = status;
    box.appendChild(a);
    box.appendChild(state);
    return box;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/geo+json' } }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }
})();
