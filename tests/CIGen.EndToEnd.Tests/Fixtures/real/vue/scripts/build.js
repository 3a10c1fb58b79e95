// Stand-in: builds every package.
