/* Click-to-load video: the player (and the video site's cookies and requests) arrives only
   after the reader presses play. Without JavaScript the block stays a plain link out. */
(function () {
  "use strict";
  document.querySelectorAll(".video-consent[data-video-src]").forEach(function (box) {
    var button = box.querySelector(".video-play");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = box.getAttribute("data-video-src");
      frame.title = box.getAttribute("data-video-title") || "";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.className = "video-frame";
      box.replaceChildren(frame);
      frame.focus();
    });
  });
})();
