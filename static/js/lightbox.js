/* Enlarge an artwork's images in a <dialog>. Without this script each image is a plain link
   to its large version; with it, an "Enlarge" button per image opens the dialog, Escape closes
   it and gives focus back to the button, arrow keys and swipes move between the images. */
(function () {
  "use strict";

  function setUp(container) {
    var dialog = container.querySelector("dialog.lightbox");
    var links = Array.prototype.slice.call(container.querySelectorAll(".artwork-zoom-link"));
    if (!dialog || typeof dialog.showModal !== "function" || !links.length) {
      return;
    }
    var picture = dialog.querySelector(".lightbox-image");
    var counter = dialog.querySelector(".lightbox-count");
    var prev = dialog.querySelector(".lightbox-prev");
    var next = dialog.querySelector(".lightbox-next");
    var current = 0;
    var opener = null;
    var touchX = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var thumbnail = link.querySelector("img");
      picture.src = link.dataset.large;
      picture.alt = thumbnail ? thumbnail.alt : "";
      if (link.dataset.width) {
        picture.width = link.dataset.width;
        picture.height = link.dataset.height;
      }
      counter.textContent = links.length > 1 ? current + 1 + " / " + links.length : "";
      prev.hidden = next.hidden = links.length < 2;
    }

    function open(index, button) {
      opener = button;
      show(index);
      dialog.showModal();
      dialog.querySelector(".lightbox-close").focus();
    }

    links.forEach(function (link, index) {
      var button = link.parentNode.querySelector(".artwork-enlarge");
      if (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          open(index, button);
        });
      }
      link.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
          return;
        }
        event.preventDefault();
        open(index, button || link);
      });
    });

    prev.addEventListener("click", function () {
      show(current - 1);
    });
    next.addEventListener("click", function () {
      show(current + 1);
    });
    dialog.querySelector(".lightbox-close").addEventListener("click", function () {
      dialog.close();
    });
    // A click on the backdrop (the dialog itself, outside its frame) closes it.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) {
        dialog.close();
      }
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") {
        event.preventDefault();
        show(current - 1);
      } else if (event.key === "ArrowRight") {
        event.preventDefault();
        show(current + 1);
      }
    });
    dialog.addEventListener("touchstart", function (event) {
      touchX = event.touches.length === 1 ? event.touches[0].clientX : null;
    }, { passive: true });
    dialog.addEventListener("touchend", function (event) {
      if (touchX === null || !event.changedTouches.length) {
        return;
      }
      var distance = event.changedTouches[0].clientX - touchX;
      touchX = null;
      if (Math.abs(distance) > 40) {
        show(current + (distance < 0 ? 1 : -1));
      }
    });
    // Escape closes the dialog natively; either way focus goes back where it came from.
    dialog.addEventListener("close", function () {
      picture.src = "data:,";
      if (opener) {
        opener.focus();
      }
    });
  }

  document.querySelectorAll("[data-lightbox]").forEach(setUp);
})();
