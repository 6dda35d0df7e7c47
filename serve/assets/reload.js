(function () {
  var version = document.documentElement.getAttribute("data-version");
  if (!window.EventSource) return;
  var events = new EventSource("/events");
  events.onmessage = function (e) {
    if (e.data !== version) {
      events.close();
      location.reload();
    }
  };
})();
