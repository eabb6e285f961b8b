"""Instruction data from finished scene folders: question/answer items whose answers are true by
construction (items, scene_facts, qa, check, formats). Nothing below fyi/ imports this package."""
