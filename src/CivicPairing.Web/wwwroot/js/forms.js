// A double click must not post a form twice: the first submit disables the buttons until the page changes.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') {
        return;
    }
    if (form.dataset.submitted === 'true') {
        event.preventDefault();
        return;
    }
    form.dataset.submitted = 'true';
    form.querySelectorAll('button[type="submit"]').forEach(function (button) {
        button.setAttribute('aria-disabled', 'true');
        button.classList.add('disabled');
    });
});
// A list's "select all" box ticks or clears the boxes of its form that carry the name it names.
document.addEventListener('change', function (event) {
    var all = event.target;
    if (!(all instanceof HTMLInputElement) || !all.dataset.selectAll || !all.form) {
        return;
    }
    all.form.querySelectorAll('input[type="checkbox"][name="' + all.dataset.selectAll + '"]').forEach(function (box) {
        box.checked = all.checked;
    });
});
// Coming back with the browser's back button shows the form usable again.
window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitted]').forEach(function (form) {
        delete form.dataset.submitted;
        form.querySelectorAll('button[type="submit"]').forEach(function (button) {
            button.removeAttribute('aria-disabled');
            button.classList.remove('disabled');
        });
    });
});
