// The print pages' 打印 button opens the browser's print dialog (no inline script: the CSP forbids it).
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
