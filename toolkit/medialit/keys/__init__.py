"""Answer keys: YAML files in, validated ``Key`` objects with DataFrames out."""
