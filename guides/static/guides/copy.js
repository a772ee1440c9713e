// Copy buttons for email templates. Without JavaScript the buttons stay hidden and the
// text remains selectable, so readers can copy it by hand.
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    var status = button.parentElement.querySelector(".copy-status");
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var subject = source.querySelector("[data-email-subject]");
      var body = source.querySelector("[data-email-body]");
      var label = source.querySelector(".email-template__label");
      var text = (label ? label.textContent + " " : "") + (subject ? subject.textContent : "") + "\n\n" + (body ? body.textContent : "");
      navigator.clipboard.writeText(text).then(
        function () { status.textContent = button.getAttribute("data-copied-label"); },
        function () { status.textContent = button.getAttribute("data-failed-label"); }
      );
    });
  });
})();
