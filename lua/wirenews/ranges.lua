--- Position look-ups in lists of records sorted by start (entities, counts,
-- times), by binary search, so the work per look-up does not grow with the
-- length of a sentence or document.
local M = {}

-- Index of the first record with start >= pos (#list + 1 when none).
local function first_from(list, pos)
  local lo, hi = 1, #list + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if list[mid].start < pos then lo = mid + 1 else hi = mid end
  end
  return lo
end
M.first_from = first_from

--- Records whose start lies in [a, b], in order.
function M.starting_in(list, a, b)
  local out = {}
  for k = first_from(list, a), #list do
    if list[k].start > b then break end
    out[#out + 1] = list[k]
  end
  return out
end

--- The last record ending before pos for which keep(record) is true,
-- looking back over at most `reach` records (default 200).
function M.last_before(list, pos, keep, reach)
  local k = first_from(list, pos) - 1
  local floor = math.max(1, k - (reach or 200))
  while k >= floor do
    local r = list[k]
    if r.stop < pos and (keep == nil or keep(r)) then return r end
    k = k - 1
  end
  return nil
end

return M
