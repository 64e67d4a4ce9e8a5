// Progressive: the pages work without this.  Filters submit on change; a field in the panel
// flashes its place in the text.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.search select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.querySelectorAll("table.panel a[href^='#f-']").forEach(function (link) {
    link.addEventListener("click", function () {
      var anchor = document.getElementById(link.getAttribute("href").slice(1));
      var mark = anchor && anchor.nextElementSibling;
      while (mark && mark.tagName !== "MARK") { mark = mark.nextElementSibling; }
      if (mark) {
        mark.classList.add("flash");
        setTimeout(function () { mark.classList.remove("flash"); }, 1500);
      }
    });
  });
});
