from sync_service.cli import main

raise SystemExit(main())
