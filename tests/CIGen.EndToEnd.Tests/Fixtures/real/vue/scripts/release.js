// Stand-in: publishes every package.
