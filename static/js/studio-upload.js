/* Adding a photo in the studio, for phones on slow networks. Without this script the form
   posts as usual. With it: a large JPEG/PNG/WebP is shrunk to 2560 px on its long side
   before sending, the chosen photo is previewed, progress is shown, and a broken connection
   offers "Try again" with the same prepared file and the typed description kept. */
(function () {
  "use strict";

  var MAX_SIDE = 2560;
  var SHRINKABLE = ["image/jpeg", "image/png", "image/webp"];

  var form = document.querySelector("form[data-upload]");
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.Promise) return;

  var fileInput = form.querySelector('input[type="file"]');
  var altInput = form.querySelector('[name="alt_text"]');
  var submitButton = form.querySelector('button[type="submit"]');
  var retryButton = form.querySelector("[data-retry]");
  var preview = form.querySelector(".upload-preview");
  var previewImage = preview.querySelector("img");
  var progressBox = form.querySelector(".upload-progress");
  var progress = progressBox.querySelector("progress");
  var statusText = form.querySelector(".upload-status");
  var msg = form.dataset;

  var preparing = Promise.resolve(null);
  var previewUrl = null;
  var busy = false;

  function say(text) {
    statusText.textContent = text || "";
  }

  function jpegName(name) {
    return (name.replace(/\.[^.]*$/, "") || "photo") + ".jpg";
  }

  /* What to send for this file: a smaller JPEG when it is very large, else the file itself.
     A photo the browser cannot decode (e.g. HEIC) is sent as it is: the server converts it. */
  function prepare(file) {
    var original = { blob: file, name: file.name, decoded: false };
    if (SHRINKABLE.indexOf(file.type) === -1 || !window.createImageBitmap) {
      return Promise.resolve(original);
    }
    return createImageBitmap(file, { imageOrientation: "from-image" })
      .then(function (bitmap) {
        var scale = MAX_SIDE / Math.max(bitmap.width, bitmap.height);
        if (scale >= 1) {
          bitmap.close();
          return { blob: file, name: file.name, decoded: true };
        }
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        var context = canvas.getContext("2d");
        context.fillStyle = "#fff"; // transparent PNG areas become white, not black
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        bitmap.close();
        return new Promise(function (resolve) {
          canvas.toBlob(
            function (blob) {
              resolve(blob ? { blob: blob, name: jpegName(file.name), decoded: true } : original);
            },
            "image/jpeg",
            0.9
          );
        });
      })
      .catch(function () {
        return original;
      });
  }

  function showPreview(prepared) {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    preview.hidden = true;
    if (!prepared) return;
    previewUrl = URL.createObjectURL(prepared.blob);
    previewImage.onload = function () {
      preview.hidden = false;
    };
    previewImage.onerror = function () {
      preview.hidden = true;
      say(msg.msgNoPreview);
    };
    previewImage.src = previewUrl;
  }

  function fieldBox(input) {
    return input.closest(".field");
  }

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll(".field-errors, .error-summary"), function (el) {
      el.remove();
    });
    [fileInput, altInput].forEach(function (input) {
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && !/_error$/.test(id);
      });
      if (described.length) input.setAttribute("aria-describedby", described.join(" "));
      else input.removeAttribute("aria-describedby");
      input.removeAttribute("aria-invalid");
      fieldBox(input).classList.remove("field-invalid");
    });
  }

  /* Errors next to their fields, as the server renders them without the script. */
  function showErrors(errors) {
    clearErrors();
    var general = [];
    Object.keys(errors).forEach(function (name) {
      var input = form.querySelector('[name="' + name + '"]');
      if (!input) {
        general = general.concat(errors[name]);
        return;
      }
      var list = document.createElement("ul");
      list.className = "field-errors";
      list.id = input.id + "_error";
      errors[name].forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        list.appendChild(item);
      });
      input.parentNode.insertBefore(list, input);
      input.setAttribute("aria-invalid", "true");
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (described.indexOf(list.id) === -1) described.push(list.id);
      input.setAttribute("aria-describedby", described.join(" "));
      fieldBox(input).classList.add("field-invalid");
    });
    say(general.join(" "));
    var first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
  }

  function setBusy(value) {
    busy = value;
    submitButton.disabled = value;
    retryButton.disabled = value;
  }

  function failed() {
    setBusy(false);
    progressBox.hidden = true;
    retryButton.hidden = false;
    say(msg.msgFailed);
  }

  function succeeded(html) {
    var holder = document.getElementById("artwork-images");
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var fresh = template.content.querySelector("#artwork-images");
    if (holder && fresh) holder.replaceWith(fresh);
    form.reset();
    showPreview(null);
    clearErrors();
    preparing = Promise.resolve(null);
    setBusy(false);
    progressBox.hidden = true;
    retryButton.hidden = true;
    say(msg.msgDone);
  }

  function send(prepared) {
    var data = new FormData(form);
    if (prepared) data.set(fileInput.name, prepared.blob, prepared.name);
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    request.upload.onprogress = function (event) {
      if (!event.lengthComputable) return;
      var percent = Math.min(100, Math.round((event.loaded / event.total) * 100));
      progress.value = percent;
      say(msg.msgSending.replace("{percent}", percent));
    };
    request.upload.onload = function () {
      progress.value = 100;
      say(msg.msgSaving);
    };
    request.onload = function () {
      if (request.status === 200) {
        succeeded(request.responseText);
      } else if (request.status === 400) {
        setBusy(false);
        progressBox.hidden = true;
        retryButton.hidden = true;
        try {
          showErrors(JSON.parse(request.responseText).errors || {});
        } catch (error) {
          failed();
        }
      } else {
        failed();
      }
    };
    request.onerror = request.ontimeout = request.onabort = failed;
    setBusy(true);
    retryButton.hidden = true;
    progress.value = 0;
    progressBox.hidden = false;
    say(msg.msgSending.replace("{percent}", 0));
    request.send(data);
  }

  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    retryButton.hidden = true;
    showPreview(null);
    if (!file) {
      preparing = Promise.resolve(null);
      say("");
      return;
    }
    say(msg.msgPreparing);
    preparing = prepare(file).then(function (prepared) {
      if (statusText.textContent === msg.msgPreparing) say("");
      showPreview(prepared);
      return prepared;
    });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) return;
    if (fileInput.files.length && !altInput.value.trim()) {
      showErrors({ alt_text: [msg.msgAltRequired] });
      return;
    }
    setBusy(true);
    preparing.then(send);
  });

  retryButton.addEventListener("click", function () {
    if (!busy) preparing.then(send);
  });
})();
