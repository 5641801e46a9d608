import heapq
h = [5, 1, 4, 2]; heapq.heapify(h); print(h, heapq.heappop(h), heapq.nsmallest(2, [9, 3, 7]), heapq.nlargest(2, [9, 3, 7]))
heapq.heappush(h, 0); print(h, list(heapq.merge([1, 4], [2, 3])))
