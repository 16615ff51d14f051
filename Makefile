# The two commands of the quick start: `make site` builds the example site, `make test` runs every test.
.PHONY: site test deps test-deps release clean

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

site: deps
	swift build --product yardstick
	.build/debug/yardstick build --content content --output site --templates templates

# Swift unit, integration and end-to-end tests, then the browser suite (Nu checker, axe, print, links)
# and the documented nginx configuration serving the site under a subpath.
test: test-deps
	swift build --build-tests
	swift test --skip-build
	scripts/test-nginx.sh
	scripts/test-browser.sh

release: deps
	swift build -c release --product yardstick

clean:
	rm -rf .build site .site.a .site.b .site.cache .site.lock
