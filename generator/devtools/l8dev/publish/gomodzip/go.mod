module github.com/l8sdk/l8sdk/generator/devtools/l8dev/publish/gomodzip

go 1.26.0

require golang.org/x/mod v0.43.0
