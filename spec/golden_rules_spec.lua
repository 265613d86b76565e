-- Conformance: the English "Golden Rules" of sentence boundary detection
-- (pragmatic_segmenter's spec, see ../shared/testdata/golden_rules_sbd/README.md).
--
-- Scoring: a case passes when the sentences found, read with
-- text:sub(start, stop), equal the expected ones.  The comparison squeezes
-- white space runs to one space, because the splitter returns spans of the
-- original text and never rewrites it: GR-040 and GR-041 expect lines joined
-- by pragmatic_segmenter's cleaner ("a sentence\ncut off" -> "a sentence cut
-- off"); their spans cover exactly those words, so they pass with the
-- normalised comparison.  Cases whose expectation needs other rewriting
-- (dots removed, HTML stripped) cannot pass and stay counted as failures.
-- A case with doc_type "pdf" is run with {pdf = true}, as upstream does.
local testdata = require("support.testdata")
local wn = require("wirenews")
local it_with = testdata.it_with(it, pending)

local GOLDEN = "golden_rules_sbd/sentences.jsonl"
local EXTRA = "golden_rules_sbd/sentences_extra.jsonl"

local function squeeze(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

local function options_of(case)
  local o = type(case.options) == "table" and case.options or {}
  if case.doc_type == "pdf" or o.doc_type == "pdf" then return { pdf = true } end
  return nil
end

-- Runs one case; returns true or false and a description of the difference.
local function run_case(case)
  local got = {}
  for _, s in ipairs(wn.sentences(case.text, options_of(case))) do
    got[#got + 1] = squeeze(case.text:sub(s.start, s.stop))
  end
  local ok = #got == #case.sentences
  for k = 1, #case.sentences do
    if got[k] ~= squeeze(case.sentences[k]) then ok = false end
  end
  if ok then return true end
  return false, ("%s %s\n  expected: %s\n  got:      %s"):format(case.id,
    case.name, table.concat(case.sentences, " | "), table.concat(got, " | "))
end

-- Scores a file: pass rate and the failures.
local function score(cases)
  local pass, failed = 0, {}
  for _, case in ipairs(cases) do
    local ok, why = run_case(case)
    if ok then pass = pass + 1 else failed[#failed + 1] = why end
  end
  return pass / #cases, pass, failed
end

describe("golden rules conformance", function()
  it_with(GOLDEN)("passes at least 90% of the 52 English Golden Rules",
    function()
      local cases = testdata.jsonl(GOLDEN)
      assert.equal(52, #cases)
      local rate, pass, failed = score(cases)
      print(("\nGolden Rules: %d/%d passed (%.1f%%)"):format(pass, #cases,
        100 * rate))
      for _, why in ipairs(failed) do print("  " .. why) end
      assert.is_true(rate >= 0.90, ("pass rate %.1f%% below 90%%"):format(100 * rate))
    end)

  it_with(GOLDEN)("passes the rules newswire depends on", function()
    local must = { ["GR-004"] = true, ["GR-009"] = true, ["GR-015"] = true,
                   ["GR-016"] = true, ["GR-017"] = true, ["GR-020"] = true,
                   ["GR-021"] = true, ["GR-026"] = true, ["GR-041"] = true }
    for _, case in ipairs(testdata.jsonl(GOLDEN)) do
      if must[case.id] then
        local ok, why = run_case(case)
        assert(ok, why)
      end
    end
  end)

  -- The extra cases are literary text, PDF and web pages, tables of
  -- contents and HTML; a third of them expect cleaning this splitter does
  -- not do.  Reported, and gated at a modest 70% to catch regressions.
  it_with(EXTRA)("passes at least 70% of the 129 extra cases", function()
    local cases = testdata.jsonl(EXTRA)
    local rate, pass = score(cases)
    local verbatim, vpass = 0, 0
    for _, case in ipairs(cases) do
      if case.sentences_verbatim then
        verbatim = verbatim + 1
        if run_case(case) then vpass = vpass + 1 end
      end
    end
    print(("\nGolden Rules extra cases: %d/%d passed (%.1f%%); verbatim ones %d/%d")
      :format(pass, #cases, 100 * rate, vpass, verbatim))
    assert.is_true(rate >= 0.70, ("pass rate %.1f%% below 70%%"):format(100 * rate))
  end)
end)
