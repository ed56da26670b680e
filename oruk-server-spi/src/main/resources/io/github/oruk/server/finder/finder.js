/*
 * The ORUK service finder: searches any CORS-enabled ORUK 3.0 feed from the browser.
 *
 * Its state is the page's address (?feed=&q=&postcode=&distance=&type=&age=&open=now&page=&service=), so a search
 * can be shared as a link, and the back button works. Text from a feed is only ever put in the page as text
 * (textContent, attribute values checked to be http(s)/mailto/tel addresses): never as HTML.
 *
 * What it asks of the feed, and what it works out itself:
 * - words: the feed's `search`; service type: `taxonomy_term_id` (terms from /taxonomy_terms);
 * - postcode and distance: /service_at_locations with the feed's own `postcode` and `proximity` (metres). ORUK has no
 *   distance field and no order, so the finder places the postcode from the feed's own addresses (where locations
 *   carry that postcode, else that postcode district), computes each place's distance and sorts by it;
 * - age: a person of that age, i.e. the service's minimum_age <= age <= maximum_age (a missing bound is no limit). The
 *   standard's minimum_age/maximum_age filters ask for the bounds themselves (minimum at least, maximum at most), which
 *   cannot say "serves a person of this age", so this is worked out in the browser;
 * - open now: the standard has no such filter; worked out from the schedules, in UK time (Europe/London).
 * When the finder sorts or filters itself it reads at most MAX_RECORDS matches, and says so when there were more.
 */
(function () {
  'use strict';

  var PER_PAGE = 20;
  var FEED_PER_PAGE = 100;
  var MAX_RECORDS = 1000;
  var METRES_PER_MILE = 1609.344;
  var EARTH_RADIUS_METRES = 6371008.8;
  var DISTANCES = ['1', '2', '5', '10', '25'];
  var DEFAULT_DISTANCE = '5';
  var TITLE = 'Find a service';
  var DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  var DAY_NAMES = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
  var ORDINALS = { '1': '1st', '2': '2nd', '3': '3rd', '4': '4th', '5': '5th', '-1': 'last' };

  // The server the finder is served from: its files are at BASE/finder/, so BASE is one folder up from this script.
  var HOME = new URL('..', document.currentScript.src).href;

  var running = null;
  var termsLoaded = { feed: null, promise: null };
  var openedFrom = null;

  function $(id) {
    return document.getElementById(id);
  }

  /** An element with text (never HTML) and attributes; children may be elements or strings. */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined) {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function text(value) {
    return typeof value === 'string' ? value.trim() : (typeof value === 'number' ? String(value) : '');
  }

  // ------------------------------------------------------------------------------------------------ state

  function readState() {
    var p = new URLSearchParams(location.search);
    var page = parseInt(p.get('page') || '1', 10);
    return {
      feed: (p.get('feed') || '').trim(),
      q: (p.get('q') || '').trim(),
      postcode: (p.get('postcode') || '').trim(),
      distance: DISTANCES.indexOf(p.get('distance')) >= 0 ? p.get('distance') : DEFAULT_DISTANCE,
      type: (p.get('type') || '').trim(),
      age: (p.get('age') || '').trim(),
      open: p.get('open') === 'now',
      page: page > 0 ? page : 1,
      service: (p.get('service') || '').trim()
    };
  }

  /** The page's address for a state: only what is set, in a fixed order. */
  function addressOf(state) {
    var p = new URLSearchParams();
    if (state.feed) p.set('feed', state.feed);
    if (state.q) p.set('q', state.q);
    if (state.postcode) {
      p.set('postcode', state.postcode);
      p.set('distance', state.distance);
    }
    if (state.type) p.set('type', state.type);
    if (state.age) p.set('age', state.age);
    if (state.open) p.set('open', 'now');
    if (state.page > 1) p.set('page', String(state.page));
    if (state.service) p.set('service', state.service);
    var query = p.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  function withChanges(state, changes) {
    var copy = {};
    Object.keys(state).forEach(function (key) { copy[key] = state[key]; });
    Object.keys(changes).forEach(function (key) { copy[key] = changes[key]; });
    return copy;
  }

  /** Whether the address asks for anything: a bare /finder/ waits for the form, any parameter runs a search. */
  function hasSearch() {
    return location.search.length > 1;
  }

  function writeForm(state) {
    $('q').value = state.q;
    $('postcode').value = state.postcode;
    $('distance').value = state.distance;
    $('age').value = state.age;
    $('open').checked = state.open;
    $('feed').value = state.feed;
    if (state.feed) $('feed-box').open = true;
    selectType(state.type);
  }

  function formState() {
    return {
      feed: $('feed').value.trim(),
      q: $('q').value.trim(),
      postcode: $('postcode').value.trim(),
      distance: $('distance').value,
      type: $('type').value,
      age: $('age').value.trim(),
      open: $('open').checked,
      page: 1,
      service: ''
    };
  }

  // ------------------------------------------------------------------------------------------------ feed

  /** The feed's base address (ending in /), or throws a message for the person. */
  function feedBase(feed) {
    if (!feed) return HOME;
    var url;
    try {
      url = new URL(feed);
    } catch (e) {
      throw new Error('The directory address "' + feed + '" is not a web address; give one such as https://example.org/api/.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error('The directory address must start with http:// or https://; got "' + feed + '".');
    }
    url.search = '';
    url.hash = '';
    // Lenient about the address people paste: the feed's /services or /, with or without a trailing slash.
    var path = url.pathname.replace(/\/services\/?$/, '/');
    url.pathname = path.charAt(path.length - 1) === '/' ? path : path + '/';
    return url.href;
  }

  function FeedError(message, status, body) {
    this.message = message;
    this.status = status;
    this.body = body;
  }

  function getJson(url, signal) {
    return fetch(url, { signal: signal, headers: { Accept: 'application/json' }, credentials: 'omit' })
      .then(function (response) {
        return response.text().then(function (body) {
          var json = null;
          try {
            json = JSON.parse(body);
          } catch (e) {
            json = null;
          }
          if (!response.ok) {
            var said = json && typeof json.message === 'string' ? ': ' + json.message : '';
            throw new FeedError('The directory answered ' + response.status + said, response.status, json);
          }
          if (json === null || typeof json !== 'object') {
            throw new FeedError('The directory did not answer with JSON at ' + url, response.status, null);
          }
          return json;
        });
      }, function (error) {
        if (error && error.name === 'AbortError') throw error;
        throw new FeedError('Could not reach the directory at ' + url + '. It may be down, or, if it is on another'
            + ' site, it may not allow cross-origin requests (CORS).', 0, null);
      });
  }

  function listUrl(base, endpoint, params) {
    var p = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      if (params[key] !== '' && params[key] !== null && params[key] !== undefined) p.set(key, params[key]);
    });
    return base + endpoint + '?' + p.toString();
  }

  function contentsOf(page) {
    return Array.isArray(page.contents) ? page.contents.filter(function (x) { return x && typeof x === 'object'; }) : [];
  }

  /** Every match up to MAX_RECORDS, page after page: {items, total}. */
  function readAll(base, endpoint, params, signal) {
    var items = [];
    function next(number) {
      var ask = withChanges(params, { page: String(number), per_page: String(FEED_PER_PAGE) });
      return getJson(listUrl(base, endpoint, ask), signal).then(function (page) {
        var contents = contentsOf(page);
        items = items.concat(contents);
        var total = typeof page.total_items === 'number' ? page.total_items : items.length;
        var last = page.last_page === true || contents.length === 0
            || (typeof page.total_pages === 'number' && number >= page.total_pages);
        if (last || items.length >= MAX_RECORDS) {
          return { items: items.slice(0, MAX_RECORDS), total: Math.max(total, items.length) };
        }
        return next(number + 1);
      });
    }
    return next(1);
  }

  function loadTerms(base) {
    if (termsLoaded.feed === base) return termsLoaded.promise;
    var terms = [];
    function next(number) {
      return getJson(listUrl(base, 'taxonomy_terms', { page: String(number), per_page: String(FEED_PER_PAGE) }))
        .then(function (page) {
          terms = terms.concat(contentsOf(page));
          var more = page.last_page === false && contentsOf(page).length > 0 && number < 5;
          return more ? next(number + 1) : terms;
        });
    }
    termsLoaded = { feed: base, promise: next(1) };
    return termsLoaded.promise;
  }

  /** Fills the type list from the feed's terms, each under its parent. */
  function showTerms(base, state) {
    var select = $('type');
    loadTerms(base).then(function (terms) {
      while (select.options.length > 1) select.remove(1);
      var byParent = {};
      var ids = {};
      terms.forEach(function (term) { if (typeof term.id === 'string') ids[term.id] = true; });
      terms.forEach(function (term) {
        if (typeof term.id !== 'string') return;
        var parent = typeof term.parent_id === 'string' && ids[term.parent_id] ? term.parent_id : '';
        (byParent[parent] = byParent[parent] || []).push(term);
      });
      var label = function (term) { return text(term.name) || text(term.term) || text(term.code) || term.id; };
      (function add(parent, depth) {
        (byParent[parent] || []).sort(function (a, b) { return label(a).localeCompare(label(b)); })
          .forEach(function (term) {
            select.appendChild(el('option', { value: term.id }, [new Array(depth * 3 + 1).join('\u00a0') + label(term)]));
            if (depth < 6) add(term.id, depth + 1);
          });
      })('', 0);
      selectType(readState().type);
      $('type-hint').textContent = '';
    }, function () {
      $('type-hint').textContent = 'This directory does not list its service types.';
    });
  }

  function selectType(type) {
    var select = $('type');
    if (type && !Array.prototype.some.call(select.options, function (o) { return o.value === type; })) {
      select.appendChild(el('option', { value: type }, ['Type ' + type]));
    }
    select.value = type;
  }

  // ------------------------------------------------------------------------------------------------ places

  function normalPostcode(value) {
    var compact = value.toUpperCase().replace(/\s+/g, '');
    if (/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(compact)) {
      return { full: compact.slice(0, -3) + ' ' + compact.slice(-3), district: compact.slice(0, -3) };
    }
    if (/^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(compact)) return { full: null, district: compact };
    return null;
  }

  function coordinates(location) {
    if (!location) return null;
    var lat = Number(location.latitude);
    var lon = Number(location.longitude);
    if (location.latitude === undefined || location.latitude === null || location.longitude === undefined
        || location.longitude === null || !isFinite(lat) || !isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return null;
    }
    return { lat: lat, lon: lon };
  }

  function metres(a, b) {
    var rad = Math.PI / 180;
    var dPhi = (b.lat - a.lat) * rad;
    var dLambda = (b.lon - a.lon) * rad;
    var h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /**
   * Where the postcode is, from the feed's own locations: the average of those whose address has that postcode, else
   * of those in its district; null when none does.
   */
  function placePostcode(postcode, locations) {
    var exact = [];
    var district = [];
    locations.forEach(function (location) {
      var at = coordinates(location);
      if (!at || !Array.isArray(location.addresses)) return;
      location.addresses.forEach(function (address) {
        var code = address && typeof address.postal_code === 'string' ? normalPostcode(address.postal_code) : null;
        if (!code) return;
        if (postcode.full && code.full === postcode.full) exact.push(at);
        if (code.district === postcode.district) district.push(at);
      });
    });
    var points = exact.length ? exact : district;
    if (!points.length) return null;
    var sum = points.reduce(function (s, p) { return { lat: s.lat + p.lat, lon: s.lon + p.lon }; }, { lat: 0, lon: 0 });
    return { lat: sum.lat / points.length, lon: sum.lon / points.length, exact: exact.length > 0 };
  }

  function miles(distance) {
    var value = distance / METRES_PER_MILE;
    if (value < 0.05) return 'under 0.1 miles';
    return (value < 10 ? value.toFixed(1) : String(Math.round(value))) + (value.toFixed(1) === '1.0' ? ' mile' : ' miles');
  }

  // ------------------------------------------------------------------------------------------------ times

  /** Now in UK time: {date: 'YYYY-MM-DD', day: 'MO', dayOfMonth, daysInMonth, minutes}. */
  function ukNow() {
    var parts = {};
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date()).forEach(function (part) {
      parts[part.type] = part.value;
    });
    var year = Number(parts.year);
    var month = Number(parts.month);
    var day = Number(parts.day);
    return {
      date: parts.year + '-' + parts.month + '-' + parts.day,
      day: DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()],
      dayOfMonth: day,
      daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
      minutes: Number(parts.hour) * 60 + Number(parts.minute)
    };
  }

  function minutesOf(time) {
    var match = /^(\d{1,2}):(\d{2})/.exec(text(time));
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  function clock(time) {
    var match = /^(\d{1,2}):(\d{2})/.exec(text(time));
    return match ? (match[1].length === 1 ? '0' : '') + match[1] + ':' + match[2] : null;
  }

  function byDay(schedule) {
    return text(schedule.byday).toUpperCase().split(',').map(function (d) { return d.trim(); })
      .map(function (d) { return /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d); })
      .filter(Boolean).map(function (m) { return { n: m[1] ? String(Number(m[1])) : null, day: m[2] }; });
  }

  /** Whether the schedule is open at that moment: true, false, or null when its times cannot say. */
  function openAt(schedule, now) {
    var from = text(schedule.valid_from) || text(schedule.dtstart);
    var to = text(schedule.valid_to) || text(schedule.until);
    if (from && now.date < from.slice(0, 10) || to && now.date > to.slice(0, 10)) return false;
    var opens = minutesOf(schedule.opens_at);
    var closes = minutesOf(schedule.closes_at);
    if (opens === null || closes === null) return null;
    var days = byDay(schedule);
    var monthDays = text(schedule.bymonthday).split(',').map(Number).filter(function (d) { return d !== 0 && isFinite(d); });
    var freq = text(schedule.freq).toUpperCase();
    var today;
    if (days.length) {
      today = days.some(function (d) {
        if (d.day !== now.day) return false;
        if (!d.n || freq === 'WEEKLY') return true;
        var n = Number(d.n);
        return n > 0 ? Math.ceil(now.dayOfMonth / 7) === n : now.dayOfMonth + 7 * -n > now.daysInMonth
            && now.dayOfMonth + 7 * (-n - 1) <= now.daysInMonth;
      });
    } else if (monthDays.length) {
      today = monthDays.some(function (d) { return d > 0 ? d === now.dayOfMonth : now.daysInMonth + d + 1 === now.dayOfMonth; });
    } else if (freq === 'DAILY') {
      today = true;
    } else {
      return null;
    }
    if (!today) return false;
    return closes > opens ? now.minutes >= opens && now.minutes < closes : now.minutes >= opens || now.minutes < closes;
  }

  /** Open now from all these schedules: true, false, or null when none can say. */
  function openNow(schedules, now) {
    var answers = schedules.map(function (s) { return openAt(s, now); });
    if (answers.indexOf(true) >= 0) return true;
    return answers.indexOf(false) >= 0 ? false : null;
  }

  function describeSchedule(schedule) {
    var said = text(schedule.description);
    if (said) return said;
    var days = byDay(schedule).map(function (d) {
      return d.n && text(schedule.freq).toUpperCase() === 'MONTHLY' ? (ORDINALS[d.n] || d.n) + ' ' + DAY_NAMES[d.day]
          + ' of the month' : DAY_NAMES[d.day];
    });
    var opens = clock(schedule.opens_at);
    var closes = clock(schedule.closes_at);
    var hours = opens && closes ? opens + '\u2013' + closes : '';
    var line = [days.join(', '), hours].filter(Boolean).join(' ');
    return line || text(schedule.notes) || text(schedule.attending_type);
  }

  function schedulesOf(service, link, location) {
    var all = [];
    [link, service, location].forEach(function (record) {
      if (record && Array.isArray(record.schedules)) {
        record.schedules.forEach(function (s) { if (s && typeof s === 'object') all.push(s); });
      }
    });
    return all;
  }

  // ------------------------------------------------------------------------------------------------ search

  function serviceAges(service, age) {
    var min = typeof service.minimum_age === 'number' ? service.minimum_age : -Infinity;
    var max = typeof service.maximum_age === 'number' ? service.maximum_age : Infinity;
    return age >= min && age <= max;
  }

  /**
   * Runs the state's search: {results: [{service, link, location, distance}], total, pages, notices, summary}.
   */
  function search(state, base, signal) {
    var notices = [];
    var params = { search: state.q, taxonomy_term_id: state.type, full: 'true' };
    var age = null;
    if (state.age) {
      age = Number(state.age);
      if (!/^\d{1,3}$/.test(state.age)) {
        return Promise.reject(new FieldError('age', 'Enter the age as a whole number of years, such as 8.'));
      }
    }
    var postcode = null;
    if (state.postcode) {
      postcode = normalPostcode(state.postcode);
      if (!postcode) {
        return Promise.reject(new FieldError('postcode', 'Enter a UK postcode such as BS1 4DJ, or a district such as BS1.'));
      }
    }
    var now = ukNow();
    var filtered = age !== null || state.open;

    function filter(entries) {
      var unknown = 0;
      var kept = entries.filter(function (entry) {
        if (age !== null && !serviceAges(entry.service, age)) return false;
        if (state.open) {
          var open = openNow(schedulesOf(entry.service, entry.link, entry.location), now);
          if (open === null) unknown++;
          return open === true;
        }
        return true;
      });
      if (unknown) {
        notices.push(unknown + (unknown === 1 ? ' service was' : ' services were') + ' left out because '
            + (unknown === 1 ? 'its opening times do' : 'their opening times do') + ' not say whether it is open now.');
      }
      return kept;
    }

    function pageOf(entries, total, read) {
      if (total > read) {
        notices.push('The directory found ' + total.toLocaleString('en-GB') + ' matches; the finder read the first '
            + read.toLocaleString('en-GB') + (postcode ? ' and sorted those by distance' : '')
            + '. Add words or choose a type to narrow the search.');
      }
      var pages = Math.max(1, Math.ceil(entries.length / PER_PAGE));
      return { results: entries.slice((state.page - 1) * PER_PAGE, state.page * PER_PAGE), total: entries.length,
        pages: pages, notices: notices };
    }

    function plain() {
      if (!filtered) {
        var ask = withChanges(params, { page: String(state.page), per_page: String(PER_PAGE) });
        return getJson(listUrl(base, 'services', ask), signal).then(function (page) {
          var results = contentsOf(page).map(function (service) { return { service: service }; });
          var total = typeof page.total_items === 'number' ? page.total_items : results.length;
          var pages = typeof page.total_pages === 'number' ? Math.max(1, page.total_pages) : 1;
          return { results: results, total: total, pages: pages, notices: notices };
        });
      }
      return readAll(base, 'services', params, signal).then(function (all) {
        var entries = filter(all.items.map(function (service) { return { service: service }; }));
        return pageOf(entries, all.total, all.items.length);
      });
    }

    if (!postcode) return plain();
    var near = withChanges(params, { postcode: state.postcode,
      proximity: String(Math.round(Number(state.distance) * METRES_PER_MILE)) });
    return readAll(base, 'service_at_locations', near, signal).then(function (all) {
      var links = all.items.filter(function (link) { return link.service && typeof link.service === 'object'; });
      var locations = links.map(function (link) { return link.location; }).filter(Boolean);
      var placed = placePostcode(postcode, locations);
      var where = placed && placed.exact ? Promise.resolve(placed) : nearest(base, state.postcode, postcode, signal)
        .then(function (better) { return better || placed; });
      return where.then(function (place) {
        if (!place && links.length) {
          notices.push('The directory found places within ' + state.distance + ' miles of ' + state.postcode
              + ' but none of its addresses is in that postcode district, so the finder cannot tell how far each'
              + ' is; they are in the directory\'s own order.');
        } else if (place && !place.exact) {
          notices.push('Distances are measured from the middle of the ' + postcode.district + ' district (the average'
              + ' of this directory\'s addresses there), as no address in it has the postcode ' + state.postcode + '.');
        }
        // One result per service: its nearest place.
        var byService = {};
        var order = [];
        links.forEach(function (link) {
          var id = text(link.service.id) || text(link.service_id);
          var at = place ? coordinates(link.location) : null;
          var entry = { service: link.service, link: link, location: link.location, distance: at ? metres(place, at) : null,
            others: 0 };
          var seen = byService[id];
          if (!seen) {
            byService[id] = entry;
            order.push(id);
          } else {
            entry.others = seen.others + 1;
            if (entry.distance !== null && (seen.distance === null || entry.distance < seen.distance)) {
              byService[id] = entry;
            } else {
              seen.others++;
            }
          }
        });
        var entries = order.map(function (id) { return byService[id]; });
        entries = entries.map(function (e, i) { e.index = i; return e; });
        if (place) {
          entries.sort(function (a, b) {
            if (a.distance === null || b.distance === null) return (a.distance === null) - (b.distance === null) || a.index - b.index;
            return a.distance - b.distance || a.index - b.index;
          });
        }
        return pageOf(filter(entries), all.total, all.items.length);
      });
    }, function (error) {
      // Only a refusal of the postcode search itself (400, or no such endpoint: 404, 501) falls back to a plain search.
      if (!(error instanceof FeedError) || [400, 404, 501].indexOf(error.status) < 0) throw error;
      var parameter = error.body && typeof error.body.parameter === 'string' ? error.body.parameter : '';
      var said = error.body && typeof error.body.message === 'string' ? ' It said: "' + error.body.message + '"' : '';
      if (error.status === 404 || error.status === 501) {
        notices.push('This directory does not offer searching by postcode (it has no list of service locations), so'
            + ' these results are not limited to places near ' + state.postcode + '.');
      } else if (parameter === 'postcode' || parameter === 'proximity' || parameter === '') {
        notices.push('This directory could not search near ' + state.postcode + ', so these results are not limited'
            + ' to places near it.' + said);
      } else {
        throw error;
      }
      postcode = null;
      return plain();
    });
  }

  /** The postcode's place from the locations nearest to it (within 500 m), when the results did not carry it. */
  function nearest(base, asked, postcode, signal) {
    if (!postcode.full) return Promise.resolve(null);
    var url = listUrl(base, 'service_at_locations', { postcode: asked, proximity: '500', per_page: String(FEED_PER_PAGE) });
    return getJson(url, signal).then(function (page) {
      var place = placePostcode(postcode, contentsOf(page).map(function (link) { return link.location; }).filter(Boolean));
      return place && place.exact ? place : null;
    }, function (error) {
      if (error && error.name === 'AbortError') throw error;
      return null;
    });
  }

  function FieldError(field, message) {
    this.field = field;
    this.message = message;
  }

  // ------------------------------------------------------------------------------------------------ showing

  function notice(message, error) {
    $('notices').appendChild(el('p', { 'class': error ? 'error' : null }, [message]));
  }

  function clearMessages() {
    var notices = $('notices');
    while (notices.firstChild) notices.removeChild(notices.firstChild);
    ['postcode', 'age'].forEach(function (id) {
      var input = $(id);
      input.removeAttribute('aria-invalid');
      var message = $(id + '-error');
      if (message) message.parentNode.removeChild(message);
      input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') || '').replace(id + '-error', '').trim());
      if (!input.getAttribute('aria-describedby')) input.removeAttribute('aria-describedby');
    });
  }

  function fieldError(error) {
    var input = $(error.field);
    input.setAttribute('aria-invalid', 'true');
    input.parentNode.appendChild(el('p', { id: error.field + '-error', 'class': 'hint error-text' }, [error.message]));
    input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + error.field + '-error').trim());
    $('count').textContent = 'Please correct the form: ' + error.message;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function detailAddress(state, id) {
    return addressOf(withChanges(state, { service: id }));
  }

  function describe(state) {
    var parts = [];
    if (state.q) parts.push('for "' + state.q + '"');
    if (state.postcode) parts.push('within ' + state.distance + (state.distance === '1' ? ' mile' : ' miles') + ' of '
        + state.postcode.toUpperCase());
    if (state.type) {
      var option = Array.prototype.filter.call($('type').options, function (o) { return o.value === state.type; })[0];
      parts.push('of type ' + (option ? option.textContent.trim() : state.type));
    }
    if (state.age) parts.push('for age ' + state.age);
    if (state.open) parts.push('open now');
    return parts.join(', ');
  }

  function addressLine(location) {
    var address = location && Array.isArray(location.addresses) ? location.addresses.filter(Boolean)[0] : null;
    if (!address) return '';
    return ['address_1', 'address_2', 'city', 'postal_code'].map(function (k) { return text(address[k]); })
      .filter(Boolean).join(', ');
  }

  function showResults(state, found) {
    var list = $('results');
    clear(list);
    var now = ukNow();
    found.results.forEach(function (entry) {
      var service = entry.service;
      var id = text(service.id);
      var name = text(service.name) || 'A service without a name';
      var item = el('li', {}, [el('h3', {}, [id ? el('a', { href: detailAddress(state, id), 'data-service': id }, [name])
          : name])]);
      var organization = service.organization && text(service.organization.name);
      if (organization) item.appendChild(el('p', { 'class': 'meta muted' }, ['By ' + organization]));
      if (entry.location) {
        var place = [text(entry.location.name), addressLine(entry.location)].filter(Boolean).join(': ');
        var others = entry.others ? ' (and ' + entry.others + (entry.others === 1 ? ' other place' : ' other places')
            + ' nearby)' : '';
        if (place) item.appendChild(el('p', { 'class': 'meta' }, ['At ' + place + others]));
      }
      if (typeof entry.distance === 'number') {
        item.appendChild(el('p', { 'class': 'meta distance', 'data-metres': String(Math.round(entry.distance)) },
            [miles(entry.distance) + ' away']));
      }
      var schedules = schedulesOf(service, entry.link, entry.location);
      var open = openNow(schedules, now);
      if (open !== null) {
        item.appendChild(el('p', { 'class': 'meta ' + (open ? 'open' : 'closed') }, [open ? 'Open now' : 'Closed now']));
      }
      var lines = schedules.map(describeSchedule).filter(Boolean);
      if (lines.length) {
        var times = el('ul', { 'class': 'times', 'aria-label': 'Opening times' }, lines.slice(0, 3).map(function (line) {
          return el('li', {}, [line]);
        }));
        if (lines.length > 3) times.appendChild(el('li', {}, ['and ' + (lines.length - 3) + ' more in the details']));
        item.appendChild(times);
      } else {
        item.appendChild(el('p', { 'class': 'meta muted' }, ['Opening times not listed']));
      }
      list.appendChild(item);
    });
    var what = describe(state);
    var count = found.total === 0 ? 'No services found' + (what ? ' ' + what : '') + '. Try fewer words, another type'
        + ' or a larger distance.' : found.total.toLocaleString('en-GB') + (found.total === 1 ? ' service' : ' services')
        + ' found' + (what ? ' ' + what : '') + (found.pages > 1 ? '; page ' + state.page + ' of ' + found.pages : '') + '.';
    $('count').textContent = count;
    found.notices.forEach(function (message) { notice(message, false); });
    var pager = $('pager');
    clear(pager);
    if (found.pages > 1) {
      if (state.page > 1) {
        pager.appendChild(el('a', { href: addressOf(withChanges(state, { page: state.page - 1 })), rel: 'prev' },
            ['Previous page']));
      }
      pager.appendChild(el('span', {}, ['Page ' + state.page + ' of ' + found.pages]));
      if (state.page < found.pages) {
        pager.appendChild(el('a', { href: addressOf(withChanges(state, { page: state.page + 1 })), rel: 'next' },
            ['Next page']));
      }
    }
    document.title = (what ? 'Services ' + what : 'Services') + ' \u2013 ' + TITLE;
  }

  function safeLink(url, label) {
    var value = text(url);
    try {
      var parsed = new URL(value);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
        return el('a', { href: parsed.href, rel: 'noopener noreferrer' }, [label || value]);
      }
    } catch (e) {
      // not an address: shown as text
    }
    return document.createTextNode(value);
  }

  function emailLink(email) {
    var value = text(email);
    return /^[^\s@<>"]+@[^\s@<>"]+$/.test(value) ? el('a', { href: 'mailto:' + value }, [value]) : document.createTextNode(value);
  }

  function phoneLinks(phones) {
    return (Array.isArray(phones) ? phones : []).filter(function (p) { return p && text(p.number); }).map(function (p) {
      var number = text(p.number);
      var dial = number.replace(/[^\d+]/g, '');
      var label = [number, text(p.description)].filter(Boolean).join(' (') + (text(p.description) ? ')' : '');
      return dial ? el('a', { href: 'tel:' + dial }, [label]) : document.createTextNode(label);
    });
  }

  function definition(list, term, values) {
    var kept = values.filter(function (v) { return v !== null && v !== undefined && v !== ''; });
    if (!kept.length) return;
    list.appendChild(el('dt', {}, [term]));
    kept.forEach(function (value) { list.appendChild(el('dd', {}, [value])); });
  }

  function showDetail(state, service) {
    var name = text(service.name) || 'A service without a name';
    $('detail-heading').textContent = name;
    document.title = name + ' \u2013 ' + TITLE;
    var body = $('detail-body');
    clear(body);
    var organization = service.organization && text(service.organization.name);
    if (organization) body.appendChild(el('p', { 'class': 'muted' }, ['By ' + organization]));
    text(service.description).split(/\n\s*\n/).filter(Boolean).forEach(function (paragraph) {
      body.appendChild(el('p', {}, [paragraph]));
    });
    var facts = el('dl', {}, []);
    var ages = typeof service.minimum_age === 'number' || typeof service.maximum_age === 'number'
      ? (typeof service.minimum_age === 'number' ? service.minimum_age : 0) + (typeof service.maximum_age === 'number'
          ? ' to ' + service.maximum_age + ' years' : ' years and over') : '';
    definition(facts, 'Ages', [ages]);
    definition(facts, 'Cost', (Array.isArray(service.cost_options) ? service.cost_options : []).filter(Boolean)
        .map(function (c) { return [text(c.option), text(c.amount_description)].filter(Boolean).join(': '); })
        .concat([text(service.fees)]));
    var now = ukNow();
    var links = (Array.isArray(service.service_at_locations) ? service.service_at_locations : []).filter(Boolean);
    var own = schedulesOf(service, null, null);
    var open = openNow(schedulesOf(service, null, null).concat.apply([], links.map(function (l) {
      return schedulesOf(null, l, l.location);
    })), now);
    definition(facts, 'Open now', [open === null ? '' : (open ? 'Yes (worked out from the opening times, UK time)'
        : 'No (worked out from the opening times, UK time)')]);
    definition(facts, 'Opening times', own.map(describeSchedule));
    var contact = [];
    if (text(service.email)) contact.push(emailLink(service.email));
    if (text(service.url)) contact.push(safeLink(service.url));
    contact = contact.concat(phoneLinks(service.phones));
    (Array.isArray(service.contacts) ? service.contacts : []).filter(Boolean).forEach(function (person) {
      var who = [text(person.name), text(person.title)].filter(Boolean).join(', ');
      var parts = [who];
      if (text(person.email)) parts.push(' ', emailLink(person.email));
      phoneLinks(person.phones).forEach(function (p) { parts.push(' ', p); });
      if (who || parts.length > 1) contact.push(el('span', {}, parts));
    });
    var organizationRecord = service.organization || {};
    var organizationContact = [];
    if (text(organizationRecord.website)) organizationContact.push(safeLink(organizationRecord.website));
    if (text(organizationRecord.email)) organizationContact.push(emailLink(organizationRecord.email));
    if (organizationContact.length && organization) {
      contact.push(el('span', {}, [organization + ': '].concat(organizationContact.reduce(function (all, part, i) {
        return all.concat(i ? [', ', part] : [part]);
      }, []))));
    }
    definition(facts, 'Contact', contact);
    body.appendChild(facts);
    if (links.length) {
      body.appendChild(el('h3', {}, [links.length === 1 ? 'Where' : 'Where (' + links.length + ' places)']));
      var places = el('ul', {}, []);
      links.forEach(function (link) {
        var location = link.location || {};
        var item = el('li', {}, [el('strong', {}, [text(location.name) || 'A place'])]);
        var line = addressLine(location);
        if (line) item.appendChild(el('div', {}, [line]));
        var times = schedulesOf(null, link, location).map(describeSchedule).filter(Boolean);
        if (times.length) item.appendChild(el('div', {}, ['Opening times here: ' + times.join('; ')]));
        (Array.isArray(location.accessibility) ? location.accessibility : []).filter(Boolean).forEach(function (access) {
          var said = [text(access.description), text(access.details)].filter(Boolean).join(' ');
          if (said) item.appendChild(el('div', {}, ['Access: ' + said]));
        });
        var at = coordinates(location);
        if (at) {
          var map = 'https://www.openstreetmap.org/?mlat=' + at.lat + '&mlon=' + at.lon + '#map=17/' + at.lat + '/' + at.lon;
          item.appendChild(el('div', {}, [el('a', { href: map, rel: 'noopener noreferrer', 'class': 'map' },
              ['Map of ' + (text(location.name) || 'this place') + ' (OpenStreetMap)'])]));
        }
        places.appendChild(item);
      });
      body.appendChild(places);
    }
  }

  // ------------------------------------------------------------------------------------------------ running

  /** Shows the state now in the address; focus: 'results', 'detail', 'opened' or null (leave it). */
  function render(focus) {
    var state = readState();
    writeForm(state);
    clearMessages();
    if (running) running.abort();
    running = typeof AbortController === 'function' ? new AbortController() : null;
    var signal = running ? running.signal : undefined;
    var base;
    try {
      base = feedBase(state.feed);
    } catch (e) {
      notice(e.message, true);
      $('count').textContent = e.message;
      return;
    }
    $('source').textContent = state.feed ? 'Searching the directory at ' + base + '.' : 'Searching this server\'s directory.';
    showTerms(base, state);
    $('back').setAttribute('href', addressOf(withChanges(state, { service: '' })));
    // The detail view is the service alone (its back link returns to the results and the form).
    $('search').hidden = Boolean(state.service);
    if (state.service) {
      $('results-section').hidden = true;
      $('detail').hidden = false;
      $('detail-heading').textContent = 'Loading the service';
      clear($('detail-body'));
      getJson(base + 'services/' + encodeURIComponent(state.service), signal).then(function (service) {
        showDetail(state, service);
        if (focus) $('detail-heading').focus();
      }, function (error) {
        if (error && error.name === 'AbortError') return;
        $('detail-heading').textContent = 'Service not shown';
        notice(error.status === 404 ? 'The directory has no service with the id ' + state.service + '.' : error.message, true);
        if (focus) $('detail-heading').focus();
      });
      return;
    }
    $('detail').hidden = true;
    $('results-section').hidden = false;
    clear($('results'));
    clear($('pager'));
    if (!hasSearch()) {
      $('count').textContent = 'Enter what you are looking for, a postcode, or both, then choose Search.';
      document.title = TITLE;
      return;
    }
    $('count').textContent = 'Searching\u2026';
    search(state, base, signal).then(function (found) {
      showResults(state, found);
      if (focus === 'opened' && openedFrom) {
        var link = $('results').querySelector('a[data-service="' + CSS.escape(openedFrom) + '"]');
        (link || $('results-heading')).focus();
      } else if (focus) {
        $('results-heading').focus();
      }
    }, function (error) {
      if (error && error.name === 'AbortError') return;
      if (error instanceof FieldError) {
        fieldError(error);
        $(error.field).focus();
        return;
      }
      notice(error.message || String(error), true);
      $('count').textContent = 'The search did not run: ' + (error.message || String(error));
    });
  }

  function go(state, focus) {
    history.pushState(null, '', addressOf(state));
    render(focus);
  }

  function ordinaryClick(event) {
    return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  }

  function start() {
    $('search').addEventListener('submit', function (event) {
      event.preventDefault();
      go(formState(), 'results');
    });
    $('results').addEventListener('click', function (event) {
      var link = event.target.closest('a[data-service]');
      if (!link || !ordinaryClick(event)) return;
      event.preventDefault();
      openedFrom = link.getAttribute('data-service');
      go(withChanges(readState(), { service: openedFrom }), 'detail');
    });
    $('pager').addEventListener('click', function (event) {
      var link = event.target.closest('a');
      if (!link || !ordinaryClick(event)) return;
      event.preventDefault();
      history.pushState(null, '', link.getAttribute('href'));
      render('results');
    });
    $('back').addEventListener('click', function (event) {
      if (!ordinaryClick(event)) return;
      event.preventDefault();
      if (openedFrom) {
        history.back();
      } else {
        go(withChanges(readState(), { service: '' }), 'results');
      }
    });
    window.addEventListener('popstate', function () {
      var wasDetail = !$('detail').hidden;
      render(wasDetail ? 'opened' : 'results');
    });
    render(null);
  }

  start();
}());
