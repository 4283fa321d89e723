/* The language switcher keeps the reader's place; the root page remembers the chosen language; wide tables
 * can be scrolled from the keyboard.
 *
 * Without JavaScript the switcher's links are plain links to the same page in another language. With it, a
 * click (also a middle click or "open in new tab") adds the section the reader is at: the address's #anchor,
 * or else the last section that starts in the top third of the window or above it. Section ids come from the English source,
 * so they are the same in every language. The choice is stored for the root page (site.py), which suggests it.
 */
(function () {
  "use strict";
  var STORAGE_KEY = "strom-language";

  function currentSection() {
    if (window.location.hash.length > 1) {
      return window.location.hash;
    }
    if (window.scrollY <= 0) {
      return "";
    }
    var sections = document.querySelectorAll("article section[id]");
    var reading = window.innerHeight / 3;
    var found = "";
    // Sections are in document order, so their tops only grow; the first one is the page itself.
    for (var i = 1; i < sections.length; i++) {
      if (sections[i].getBoundingClientRect().top > reading) {
        break;
      }
      found = "#" + sections[i].id;
    }
    return found;
  }

  function remember(code) {
    try {
      window.localStorage.setItem(STORAGE_KEY, code);
    } catch (error) {
      /* storage refused (private mode, file:// policy): the switcher still works */
    }
  }

  function follow(link) {
    var base = link.getAttribute("href").split("#")[0];
    link.setAttribute("href", base + currentSection());
  }

  document.querySelectorAll("a.strom-language-link").forEach(function (link) {
    link.addEventListener("click", function () {
      follow(link);
      remember(link.getAttribute("data-language"));
    });
    link.addEventListener("auxclick", function () { follow(link); });
    link.addEventListener("contextmenu", function () { follow(link); });
  });

  // A table wider than the screen scrolls sideways inside Furo's wrapper; keyboard users reach and scroll it
  // only if the wrapper can take focus (WCAG 2.1.1; axe: scrollable-region-focusable). Narrow tables get no
  // extra tab stop. Without JavaScript the wide table still scrolls with a mouse or a finger.
  function focusableWhenScrolling() {
    document.querySelectorAll("article .table-wrapper").forEach(function (wrapper) {
      if (wrapper.scrollWidth > wrapper.clientWidth + 1) {
        wrapper.setAttribute("tabindex", "0");
      } else if (wrapper.getAttribute("tabindex") === "0") {
        wrapper.removeAttribute("tabindex");
      }
    });
  }
  focusableWhenScrolling();
  window.addEventListener("resize", focusableWhenScrolling);
})();
