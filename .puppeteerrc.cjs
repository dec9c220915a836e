// whatsapp-web.js drives a system Chromium (CHROMIUM_PATH); never download puppeteer's own browser.
module.exports = { skipDownload: true };
