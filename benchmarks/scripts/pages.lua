-- wrk: a random page of 50 out of 200, as benchmarks/scripts/pages-vs-nginx.sh asks of both servers.
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  math.randomseed(id * 7919)
end
function request()
  return wrk.format("GET", "/services?page=" .. math.random(1, 200) .. "&per_page=50")
end
