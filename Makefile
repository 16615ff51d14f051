# The two commands of the quick start: `make site` builds the example site, `make test` runs every test.
.PHONY: site test deps release clean

deps:
	@scripts/install-deps.sh

site: deps
	swift build --product yardstick
	.build/debug/yardstick build --content content --output site --templates templates

test: deps
	swift build --build-tests
	swift test --skip-build

release: deps
	swift build -c release --product yardstick

clean:
	rm -rf .build site/*/ site/*.html site/*.json site/*.xml
