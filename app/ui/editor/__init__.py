"""The payload/style editor: a plain spec model with undo, and the forms that edit it."""
