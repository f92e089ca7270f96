import { APP_URL } from "../support/config";
import { expect, test } from "../support/fixtures";
import {
  converse,
  filler,
  searchBox,
  searchFor,
  searchResults,
  uniqueWord,
} from "./support";

test("finds a conversation by a word deep in a reply and by its title, highlighted, and opens it", async ({
  chat,
  fake,
  page,
}) => {
  const deep = uniqueWord("deepword");
  const titleWord = uniqueWord("titleword");
  const prompt = `Tell me about ${titleWord} please`;
  const id = await converse(
    chat,
    fake,
    prompt,
    `${filler(400)} ${deep} ${filler(40)}`,
  );
  await chat.newChatButton.click();

  await searchFor(page, deep);
  const results = searchResults(page).getByTestId("search-result");
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(prompt);
  await expect(results.first().locator("mark")).toHaveText([deep]);
  // The list is replaced by the results while searching.
  await expect(chat.history).toHaveCount(0);

  await searchFor(page, titleWord.slice(0, 12));
  await expect(results).toHaveCount(1);
  await expect(results.first().locator("mark").first()).toHaveText(titleWord);
  await results.first().click();
  await expect(page).toHaveURL(`/c/${id}`);
  await expect(chat.userMessages().first()).toContainText(prompt);
});

test("Escape clears the search and brings the list back", async ({
  chat,
  page,
}) => {
  await chat.open();
  await searchFor(page, uniqueWord("nothing"));
  await expect(searchResults(page)).toContainText("No conversations match");
  await searchBox(page).press("Escape");
  await expect(searchBox(page)).toHaveValue("");
  await expect(searchResults(page)).toHaveCount(0);
  await expect(chat.history).toBeVisible();
});

test("quotes, stars and other syntax are searched as text, never an error", async ({
  chat,
  fake,
  page,
}) => {
  const word = uniqueWord("syntax");
  await converse(chat, fake, `Odd input ${word} here`, "Fine.");
  // Found: the input's words are all in the conversation. Not found: an
  // operator-looking word is only a word, absent from it.
  const inputs: [string, boolean][] = [
    ['"', false],
    ["*", false],
    [`"${word}`, true],
    [`${word}*`, true],
    [`(${word})`, true],
    [`-${word}`, true],
    [`${word} "odd input"`, true],
    [`${word} OR nothingsuch`, false],
    [`NEAR(${word}`, false],
    [`title:${word}`, false],
    [`'; DROP TABLE "Message"; --`, false],
    ["\\ ^ {}", false],
  ];
  for (const [input, found] of inputs) {
    await searchFor(page, input);
    await expect(searchResults(page).getByRole("alert")).toHaveCount(0);
    const results = searchResults(page).getByTestId("search-result");
    await expect(results.filter({ hasText: word })).toHaveCount(found ? 1 : 0);
    if (!found) {
      await expect(searchResults(page)).toContainText("No conversations match");
    }
  }
});

test("a search without diacritics finds text with them", async ({
  chat,
  fake,
  page,
}) => {
  const word = uniqueWord("accent");
  await converse(chat, fake, `Where is ${word}?`, "Meet at the Café Noël.");
  await searchFor(page, `cafe noel ${word}`);
  const result = searchResults(page).getByTestId("search-result");
  await expect(result).toHaveCount(1);
  await expect(result.locator("mark")).toContainText(["Café", "Noël"]);
});

test("a new message is found right after it is sent; a deleted conversation is not", async ({
  chat,
  fake,
  page,
}) => {
  const first = uniqueWord("first");
  const later = uniqueWord("later");
  const answer = uniqueWord("answer");
  const id = await converse(chat, fake, `Start ${first}`, "Sure.");
  await converse(chat, fake, `And then ${later}`, `Noted ${answer}.`, {
    fresh: false,
  });
  for (const word of [later, answer]) {
    await searchFor(page, word);
    await expect(searchResults(page).getByTestId("search-result")).toHaveCount(
      1,
    );
  }

  const response = await fetch(`${APP_URL}/api/conversations/${id}`, {
    method: "DELETE",
  });
  expect(response.status).toBe(200);
  for (const word of [first, later, answer]) {
    await searchFor(page, word);
    await expect(searchResults(page)).toContainText("No conversations match");
  }
});

test.describe("GET /api/search refuses bad input", () => {
  for (const [name, query] of [
    ["no q", ""],
    ["an empty q", "?q=%20%20"],
    ["a q of 201 characters", `?q=${"x".repeat(201)}`],
    ["an unknown parameter", "?q=a&limit=5"],
  ]) {
    test(`${name}: 400 bad_request:api`, async () => {
      const response = await fetch(`${APP_URL}/api/search${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: "bad_request:api",
          message: expect.any(String),
          status: 400,
        },
      });
    });
  }
});

test("markup in a matching message shows as text in the snippet", async ({
  chat,
  fake,
  page,
}) => {
  const word = uniqueWord("markup");
  await converse(
    chat,
    fake,
    `Quote some markup ${uniqueWord("prompt")}`,
    `<b>${word}</b> <img src=x onerror="window.__searchXss=1">`,
  );
  await searchFor(page, word);
  const result = searchResults(page).getByTestId("search-result");
  await expect(result).toHaveCount(1);
  await expect(result).toContainText(`<b>${word}</b> <img src=x`);
  await expect(result.locator("mark").first()).toHaveText(word);
  await expect(result.locator("img, b")).toHaveCount(0);
  expect(await page.evaluate(() => "__searchXss" in window)).toBe(false);
});
