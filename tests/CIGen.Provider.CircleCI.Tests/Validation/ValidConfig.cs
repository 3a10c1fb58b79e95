namespace CIGen.Provider.CircleCI.Tests.Validation;

/// <summary>
/// A realistic CircleCI 2.1 config, written by hand from CircleCI's configuration reference, that the validators must
/// accept; each failing test breaks exactly one thing in it.
/// </summary>
internal static class ValidConfig
{
    public const string Path = ".circleci/config.yml";

    public const string Text =
        """
        version: 2.1

        orbs:
          node: circleci/node@5.2.0

        parameters:
          deploy-target:
            type: string
            default: staging

        executors:
          base:
            parameters:
              tag:
                type: string
                default: "2024.01"
            docker:
              - image: cimg/base:<< parameters.tag >>
            resource_class: medium

        commands:
          install:
            description: Install dependencies with a cache.
            parameters:
              cache-key:
                type: string
              frozen:
                type: boolean
                default: true
            steps:
              - restore_cache:
                  keys:
                    - deps-<< parameters.cache-key >>
              - run:
                  name: Install
                  command: |
                    if [ "<< parameters.frozen >>" = "true" ]; then
                      npm ci
                    else
                      npm install
                    fi
              - save_cache:
                  key: deps-<< parameters.cache-key >>
                  paths:
                    - node_modules
          notify:
            parameters:
              message:
                type: string
                default: done
            steps:
              - run: echo "<< parameters.message >>"

        jobs:
          build:
            docker:
              - image: cimg/node:20.11
                environment:
                  NODE_ENV: test
            resource_class: large
            working_directory: ~/project
            environment:
              CI_BUILD: "1"
            steps:
              - checkout
              - install:
                  cache-key: v1-{{ checksum "package-lock.json" }}
              - run:
                  name: Test
                  command: npm test
                  environment:
                    REPORTER: junit
              - run:
                  name: Report failure
                  command: echo "build failed on $CIRCLE_BRANCH"
                  when: on_fail
              - store_test_results:
                  path: reports
              - persist_to_workspace:
                  root: .
                  paths:
                    - dist
          lint:
            executor: base
            steps:
              - checkout
              - node/install-packages
              - run: ./scripts/lint.sh
          deploy:
            executor:
              name: base
              tag: "2024.02"
            parameters:
              target:
                type: enum
                enum: [staging, production]
            steps:
              - checkout
              - attach_workspace:
                  at: .
              - run:
                  name: Deploy
                  command: ./scripts/deploy.sh "<< parameters.target >>" "<< pipeline.parameters.deploy-target >>"
              - notify

        workflows:
          ci:
            jobs:
              - build:
                  filters:
                    branches:
                      only:
                        - main
                        - /release\/.*/
                    tags:
                      only: /^v.*/
              - lint
              - hold:
                  type: approval
                  requires: [build, lint]
              - deploy:
                  name: deploy-production
                  target: production
                  context: [production]
                  requires:
                    - hold
                  filters:
                    branches:
                      only: main

        """;

    /// <summary>The config with one piece replaced; fails unless the piece is in it exactly once, so each test breaks what it means to.</summary>
    public static string With(string oldText, string newText) => Text.ReplaceOnce(oldText, newText);

    /// <summary>The text with one piece that must occur exactly once replaced.</summary>
    public static string ReplaceOnce(this string text, string oldText, string newText)
    {
        text.Should().Contain(oldText, Exactly.Once(), "the test must change one piece of the config");
        return text.Replace(oldText, newText, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of the first occurrence of a piece of text.</summary>
    public static int LineOf(string text, string piece)
    {
        var index = text.IndexOf(piece, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, $"'{piece}' must be in the config");
        return text[..index].Count(c => c == '\n') + 1;
    }
}
