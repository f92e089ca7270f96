import { type AppServer, startApp } from "../support/app-server";
import { APP_PORT } from "../support/config";
import { expect, test } from "../support/fixtures";

let server: AppServer | undefined;

test.afterAll(async () => {
  await server?.stop();
});

test("without an API key the app starts, says what to set, and a send explains it", async ({
  browser,
}) => {
  const port = APP_PORT + 21;
  server = await startApp({
    port,
    databaseUrl: `file:./data/test/no-key-${port}.db`,
    fresh: true,
    env: { OPENROUTER_API_KEY: undefined },
  });
  const page = await browser.newPage({ baseURL: server.url });
  await page.goto("/");

  const notice = page.getByRole("complementary", { name: "Setup" });
  await expect(notice).toContainText("OPENROUTER_API_KEY");
  await expect(notice).toContainText(".env");

  const composer = page.getByRole("textbox", { name: "Message" });
  await composer.fill("Hello?");
  await composer.press("Enter");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("No OpenRouter API key is configured");
  await expect(alert).toContainText("OPENROUTER_API_KEY");
  await expect(alert).not.toContainText(/at \w+ \(|Error:/);
  // The typed message is still on screen.
  await expect(
    page.locator('[data-testid="message"][data-role="user"]'),
  ).toHaveText(["Hello?"]);
  await page.close();
});

test("a bad setting stops the server at start, naming the variable", async () => {
  const port = APP_PORT + 22;
  const start = startApp({
    port,
    databaseUrl: `file:./data/test/bad-config-${port}.db`,
    fresh: true,
    env: { DEFAULT_MODEL: "not a model id" },
  });
  await expect(start).rejects.toThrow(
    /DEFAULT_MODEL: must be an OpenRouter model id/,
  );
});
